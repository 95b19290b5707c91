-- content_per_1k_usd: Σ content_created / (Σ D.amount_usd / 1000); null where nothing was deployed. A row exists where
-- content, deployed funds or participants (which disclosure control reads) exist.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(content_created) AS DOUBLE) / NULLIF(CAST(SUM(deployed_usd) AS DOUBLE) / 1000.0, 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(content_rows) + SUM(deployed_lines) + SUM(participant_rows) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(content_created) AS DOUBLE) / NULLIF(CAST(SUM(deployed_usd) AS DOUBLE) / 1000.0, 0) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(content_rows) + SUM(deployed_lines) + SUM(participant_rows) > 0
