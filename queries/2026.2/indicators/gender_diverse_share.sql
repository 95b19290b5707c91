-- gender_diverse_share (2026.2): Σ (women + non-binary) / Σ (women + men + non-binary); undisclosed is left out; movement, region (lines), hub and
-- country. A row where the instance has any impact metric value or financial line (suppression is applied after).
SELECT year, scope, scope_id, CAST(women + nonbinary AS DOUBLE) / NULLIF(CAST(women + men + nonbinary AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub', 'country') AND impact_values + financial_lines > 0
