-- net_transfer_usd: deployed_usd − raised_usd per region (positive: the region receives more than it raises).
SELECT
  year,
  'region' AS scope,
  region AS scope_id,
  CAST(SUM(deployed_usd) - SUM(raised_usd) AS DOUBLE) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(deployed_lines) + SUM(raised_lines) > 0
