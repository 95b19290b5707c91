-- local_revenue_share (2026.2): over the revenue lines of hubs that are not global, Σ (local_fundraising +
-- earned_income + external_grant) / Σ all their revenue; movement, region by seat, hub. A row where a hub of the
-- instance has a revenue line (so never for the global fund, and its revenue creates no region row).
SELECT year, scope, scope_id, CAST(local_revenue_usd AS DOUBLE) / NULLIF(CAST(hub_revenue_usd AS DOUBLE), 0) AS value
FROM scope_facts
WHERE basis IN ('movement', 'seat', 'hub') AND hub_revenue_lines > 0
