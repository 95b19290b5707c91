-- newcomer_share: Σ new_participants / Σ participants.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, CAST(SUM(new_participants) AS DOUBLE) / NULLIF(CAST(SUM(participants) AS DOUBLE), 0) AS value
FROM country_facts
GROUP BY year
HAVING SUM(participant_rows) + SUM(new_participant_rows) > 0
UNION ALL
SELECT year, 'region' AS scope, region AS scope_id, CAST(SUM(new_participants) AS DOUBLE) / NULLIF(CAST(SUM(participants) AS DOUBLE), 0) AS value
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
HAVING SUM(participant_rows) + SUM(new_participant_rows) > 0
