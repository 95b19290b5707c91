-- deployed_usd (2026.2): Σ D.amount_usd; movement, region (lines), hub and country; a row where the scope instance
-- has any financial line.
SELECT year, scope, scope_id, CAST(deployed_usd AS DOUBLE) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub', 'country') AND financial_lines > 0
