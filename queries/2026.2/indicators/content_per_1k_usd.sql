-- content_per_1k_usd (2026.2): Σ content_created / (Σ D.amount_usd / 1000); movement, region (lines), hub and
-- country. A row where the instance has any impact metric value or financial line (suppression is applied after).
SELECT year, scope, scope_id, CAST(content_created AS DOUBLE) / NULLIF(CAST(deployed_usd AS DOUBLE) / 1000.0, 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'lines', 'hub', 'country') AND impact_values + financial_lines > 0
