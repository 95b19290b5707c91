-- reporting_rate: hubs that are not global and are active in the year, with complete financial and complete
-- impact reporting (an annual report, or all four quarters), over all such hubs (stages/10_reporting_status.sql).
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(SUM(CASE WHEN status = 'complete' THEN 1 ELSE 0 END) AS DOUBLE) / NULLIF(CAST(COUNT(*) AS DOUBLE), 0) AS value
FROM reporting_status
GROUP BY year
