-- global_south_share (2026.2): Σ D.amount_usd where south / Σ D.amount_usd; movement and hub; a row where the
-- instance has any financial line.
SELECT year, scope, scope_id, CAST(south_deployed_usd AS DOUBLE) / NULLIF(CAST(deployed_usd AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'hub') AND financial_lines > 0
