-- global_south_share: Σ D.amount_usd where south / Σ D.amount_usd, movement scope.
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(SUM(CASE WHEN south THEN deployed_usd ELSE 0 END) AS DOUBLE) / NULLIF(CAST(SUM(deployed_usd) AS DOUBLE), 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(deployed_lines) > 0
