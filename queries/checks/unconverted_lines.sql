-- Financial lines whose currency has no exchange rate for their year (ingest prevents them; a non-zero count
-- means the lake was changed behind its back, and computing must stop rather than drop money silently).
SELECT COALESCE(SUM(line_count), 0) AS lines
FROM financial_facts
WHERE amount_usd IS NULL
