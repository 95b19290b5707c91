-- raised_usd: Σ R.amount_usd.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(raised_usd) AS DOUBLE) AS value
FROM country_facts
GROUP BY year
HAVING SUM(raised_lines) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(raised_usd) AS DOUBLE) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(raised_lines) > 0
