-- local_revenue_share: hubs' (not the global fund's) local fundraising, earned income and external grants / all their revenue.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(local_revenue_usd) AS DOUBLE) / NULLIF(CAST(SUM(hub_revenue_usd) AS DOUBLE), 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(hub_revenue_lines) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(local_revenue_usd) AS DOUBLE) / NULLIF(CAST(SUM(hub_revenue_usd) AS DOUBLE), 0) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(hub_revenue_lines) > 0
