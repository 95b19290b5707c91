-- board_global_south_share (2026.2): Σ board_global_south / Σ board_members; movement, region by seat, hub; a
-- row where a hub of the instance reports a board metric.
SELECT year, scope, scope_id, CAST(board_global_south AS DOUBLE) / NULLIF(CAST(board_members AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'seat', 'hub') AND board_values > 0
