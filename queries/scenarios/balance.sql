-- Redistribution scenarios: the balance identity of the scenario's year, Σ_h C_h = P = Σ_c top_c = Σ_h A_h, and
-- what the contributions take out of the countries, Σ C_h · D_{h,c} / D_h, which must also be P. Each total is an
-- exact sum; the pipeline checks them against P to 1e-6 relative and publishes nothing that fails.
WITH contributed AS (
  SELECT SUM(contribution_usd) AS usd FROM scenario_contributions
),
withdrawn AS (
  SELECT SUM(withdrawn_usd) AS usd FROM scenario_withdrawals
),
topped_up AS (
  SELECT SUM(topup_usd) AS usd FROM scenario_topups
),
received AS (
  SELECT SUM(received_usd) AS usd FROM scenario_receipts
)
SELECT
  CAST(COALESCE(c.usd, 0) AS DOUBLE) AS pool_usd,
  CAST(COALESCE(w.usd, 0) AS DOUBLE) AS withdrawn_usd,
  CAST(COALESCE(t.usd, 0) AS DOUBLE) AS topup_usd,
  CAST(COALESCE(r.usd, 0) AS DOUBLE) AS receipt_usd
FROM contributed c
CROSS JOIN withdrawn w
CROSS JOIN topped_up t
CROSS JOIN received r
