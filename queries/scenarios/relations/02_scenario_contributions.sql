-- Redistribution scenarios: each contributing hub's contribution in each case (the scenario in its year at its
-- rate), C_h = min(r · max(L_h − floor, 0) + f · G_h, D_h): a hub with D_h = 0 contributes nothing, and a hub
-- whose contribution would exceed its deployment gives exactly D_h.
WITH gross AS (
  SELECT
    p.year,
    h.hub_id,
    h.local_revenue_usd,
    h.deployed_usd,
    p.local_revenue_rate * CAST(GREATEST(h.local_revenue_usd - p.floor_usd, CAST(0 AS DECIMAL(38, 12))) AS DOUBLE)
      + p.global_fund_reallocation * CAST(h.allocation_revenue_usd AS DOUBLE) AS gross_usd
  FROM scenario_hubs h
  JOIN scenario_parameters p ON p.facts_year = h.year
)
SELECT
  year,
  hub_id,
  local_revenue_usd,
  deployed_usd,
  CASE
    WHEN gross_usd >= CAST(deployed_usd AS DOUBLE) THEN deployed_usd
    ELSE CAST(gross_usd AS DECIMAL(38, 12))
  END AS contribution_usd
FROM gross
