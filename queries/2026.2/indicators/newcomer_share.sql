-- newcomer_share (2026.2): Σ new_participants / Σ participants; movement, region (lines), hub and
-- country. A row where the instance has any impact metric value or financial line (suppression is applied after).
SELECT year, scope, scope_id, CAST(new_participants AS DOUBLE) / NULLIF(CAST(participants AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub', 'country') AND impact_values + financial_lines > 0
