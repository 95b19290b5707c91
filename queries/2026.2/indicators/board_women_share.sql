-- board_women_share (2026.2): Σ board_women / Σ board_members; movement, region by seat, hub; a row where a hub
-- of the instance reports a board metric.
SELECT year, scope, scope_id, CAST(board_women AS DOUBLE) / NULLIF(CAST(board_members AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'seat', 'hub') AND board_values > 0
