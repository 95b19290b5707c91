-- reporting_rate: hubs that are not global and are active in the year, with complete financial and complete
-- impact reporting (an annual report, or all four quarters), over all such hubs.
WITH years AS (
  SELECT DISTINCT year FROM current_reports
),
active_hubs AS (
  SELECT y.year, h.hub_id
  FROM years y
  JOIN hub_registry h
    ON h.kind <> 'global' AND h.active_from <= y.year AND (h.active_to IS NULL OR h.active_to >= y.year)
),
complete AS (
  SELECT hub_id, year, kind
  FROM current_reports
  GROUP BY hub_id, year, kind
  HAVING MAX(CASE WHEN quarter IS NULL THEN 1 ELSE 0 END) = 1 OR COUNT(DISTINCT quarter) = 4
)
SELECT
  a.year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(SUM(CASE WHEN fin.hub_id IS NOT NULL AND imp.hub_id IS NOT NULL THEN 1 ELSE 0 END) AS DOUBLE)
    / NULLIF(CAST(COUNT(*) AS DOUBLE), 0) AS value
FROM active_hubs a
LEFT JOIN complete fin ON fin.hub_id = a.hub_id AND fin.year = a.year AND fin.kind = 'financial'
LEFT JOIN complete imp ON imp.hub_id = a.hub_id AND imp.year = a.year AND imp.kind = 'impact'
GROUP BY a.year
