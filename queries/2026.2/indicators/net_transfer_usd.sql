-- net_transfer_usd (2026.2): deployed_usd − raised_usd of the same region (lines) or country; a row where the
-- instance has any financial line.
SELECT year, scope, scope_id, CAST(deployed_usd - raised_usd AS DOUBLE) AS value
FROM scope_facts
WHERE basis IN ('lines', 'country') AND financial_lines > 0
