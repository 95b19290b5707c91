-- board_women_share: Σ board_women / Σ board_members (per hub, movement scope only).
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(SUM(CASE WHEN metric = 'board_women' THEN value ELSE 0 END) AS DOUBLE)
    / NULLIF(CAST(SUM(CASE WHEN metric = 'board_members' THEN value ELSE 0 END) AS DOUBLE), 0) AS value
FROM impact_facts
WHERE metric IN ('board_members', 'board_women')
GROUP BY year
