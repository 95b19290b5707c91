-- Redistribution scenarios: the balance identity of each case (keyed by `year`, see scenario_parameters),
-- Σ_h C_h = P = Σ_c top_c = Σ_h A_h, and what the contributions take out of the countries, Σ C_h · D_{h,c} / D_h,
-- which must also be P. One row per case; each total is an exact sum; the pipeline checks them against P to 1e-6
-- relative and publishes nothing that fails.
WITH contributed AS (
  SELECT year, SUM(contribution_usd) AS usd FROM scenario_contributions GROUP BY year
),
withdrawn AS (
  SELECT year, SUM(withdrawn_usd) AS usd FROM scenario_withdrawals GROUP BY year
),
topped_up AS (
  SELECT year, SUM(topup_usd) AS usd FROM scenario_topups GROUP BY year
),
received AS (
  SELECT year, SUM(received_usd) AS usd FROM scenario_receipts GROUP BY year
)
SELECT
  p.year,
  CAST(COALESCE(c.usd, 0) AS DOUBLE) AS pool_usd,
  CAST(COALESCE(w.usd, 0) AS DOUBLE) AS withdrawn_usd,
  CAST(COALESCE(t.usd, 0) AS DOUBLE) AS topup_usd,
  CAST(COALESCE(r.usd, 0) AS DOUBLE) AS receipt_usd
FROM scenario_parameters p
LEFT JOIN contributed c ON c.year = p.year
LEFT JOIN withdrawn w ON w.year = p.year
LEFT JOIN topped_up t ON t.year = p.year
LEFT JOIN received r ON r.year = p.year
ORDER BY p.year
