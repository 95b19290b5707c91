-- gender_diverse_share: (women + non-binary) / (women + men + non-binary); undisclosed is left out.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(women) + SUM(nonbinary) AS DOUBLE) / NULLIF(CAST(SUM(women) + SUM(men) + SUM(nonbinary) AS DOUBLE), 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(gender_rows) + SUM(participant_rows) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(women) + SUM(nonbinary) AS DOUBLE) / NULLIF(CAST(SUM(women) + SUM(men) + SUM(nonbinary) AS DOUBLE), 0) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(gender_rows) + SUM(participant_rows) > 0
