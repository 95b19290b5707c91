-- underrepresented_grant_share: team and individual grant money with an underrepresented focus / all such grant money.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(underrepresented_grant_usd) AS DOUBLE) / NULLIF(CAST(SUM(grant_usd) AS DOUBLE), 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(grant_lines) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(underrepresented_grant_usd) AS DOUBLE) / NULLIF(CAST(SUM(grant_usd) AS DOUBLE), 0) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(grant_lines) > 0
