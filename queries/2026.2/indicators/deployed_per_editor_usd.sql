-- deployed_per_editor_usd (2026.2): Σ D.amount_usd / Σ E of the same scope instance (a hub: the editors it
-- reports); null without editors. A row where the instance has any financial line.
SELECT year, scope, scope_id, CAST(deployed_usd AS DOUBLE) / NULLIF(CAST(editors AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub', 'country') AND financial_lines > 0
