-- deployed_usd: Σ D.amount_usd, per year, for the movement and per region.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(deployed_usd) AS DOUBLE) AS value
FROM country_facts
GROUP BY year
HAVING SUM(deployed_lines) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(deployed_usd) AS DOUBLE) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(deployed_lines) > 0
