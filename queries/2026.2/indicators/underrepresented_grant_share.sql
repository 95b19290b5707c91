-- underrepresented_grant_share (2026.2): team and individual grant money with an underrepresented focus / all
-- such grant money; movement, region (lines) and hub; a row where the instance has any financial line.
SELECT year, scope, scope_id, CAST(underrepresented_grant_usd AS DOUBLE) / NULLIF(CAST(grant_usd AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub') AND financial_lines > 0
