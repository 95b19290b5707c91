-- Lake integrity: every report that counts (the current financial and impact reports, the newest hub registry,
-- every exchange-rate upload) has exactly the rows its manifest entry records in its curated table, each row
-- carrying its report_id. A Parquet file copied under curated/ would count a report twice, a deleted one not at
-- all. Rows of reports that no manifest entry names (left by an ingest stopped before its commit) and rows of
-- superseded reports count nowhere and are not checked. One row per report that differs. The financial and
-- impact rows are counted in stages/11_report_lines.sql, which reads every row carrying a current report's id.
WITH counted_reports AS (
  SELECT m.kind, m.report_id, m.curated_key, m.row_count
  FROM manifest m
  WHERE m.kind IN ('financial', 'impact') AND m.report_id IN (SELECT report_id FROM current_reports)
  UNION ALL
  SELECT kind, report_id, curated_key, row_count
  FROM (
    SELECT
      m.kind, m.report_id, m.curated_key, m.row_count,
      row_number() OVER (ORDER BY m.uploaded_at DESC, m.seq DESC) AS recency
    FROM manifest m
    WHERE m.kind = 'hubs'
  ) ranked
  WHERE recency = 1
  UNION ALL
  SELECT m.kind, m.report_id, m.curated_key, m.row_count
  FROM manifest m
  WHERE m.kind = 'fx_rates'
),
curated_rows AS (
  SELECT kind, report_id, SUM(line_count) AS found_rows FROM report_lines GROUP BY kind, report_id
  UNION ALL
  SELECT 'hubs' AS kind, report_id, COUNT(*) AS found_rows FROM hubs GROUP BY report_id
  UNION ALL
  SELECT 'fx_rates' AS kind, report_id, COUNT(*) AS found_rows FROM fx_rates GROUP BY report_id
)
SELECT
  c.kind,
  c.report_id,
  c.curated_key,
  c.row_count AS expected_rows,
  COALESCE(r.found_rows, 0) AS found_rows
FROM counted_reports c
LEFT JOIN curated_rows r ON r.kind = c.kind AND r.report_id = c.report_id
WHERE COALESCE(r.found_rows, 0) <> c.row_count
ORDER BY c.kind, c.report_id
