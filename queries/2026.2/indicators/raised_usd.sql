-- raised_usd (2026.2): Σ R.amount_usd; movement, region (lines), hub and country (where the donors are). A row
-- where the instance has any financial line, so one with lines but no fundraising raised 0.
SELECT year, scope, scope_id, CAST(raised_usd AS DOUBLE) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub', 'country') AND financial_lines > 0
