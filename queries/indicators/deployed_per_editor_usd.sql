-- deployed_per_editor_usd: Σ D.amount_usd / Σ E; null when there are no editors.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(deployed_usd) AS DOUBLE) / NULLIF(CAST(SUM(editors) AS DOUBLE), 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(deployed_lines) + SUM(editor_rows) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(deployed_usd) AS DOUBLE) / NULLIF(CAST(SUM(editors) AS DOUBLE), 0) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(deployed_lines) + SUM(editor_rows) > 0
