-- Redistribution scenarios: the hubs that contribute, per year: every hub that is not `global` and has a current
-- financial report in the year, with its local revenue L_h (local_fundraising, earned_income, external_grant),
-- the global fund's allocations to it G_h (movement_allocation) and its deployed funds D_h, each summed exactly
-- from the financial facts as the framework sums them.
WITH reporting AS (
  SELECT DISTINCT year, hub_id
  FROM current_reports
  WHERE kind = 'financial'
),
money AS (
  SELECT
    year,
    hub_id,
    SUM(CASE WHEN flow = 'revenue' AND category IN ('local_fundraising', 'earned_income', 'external_grant') THEN amount_usd ELSE 0 END) AS local_revenue_usd,
    SUM(CASE WHEN flow = 'revenue' AND category = 'movement_allocation' THEN amount_usd ELSE 0 END) AS allocation_revenue_usd,
    SUM(CASE WHEN flow = 'expense' OR category IN ('team_grant', 'individual_grant') THEN amount_usd ELSE 0 END) AS deployed_usd
  FROM financial_facts
  GROUP BY year, hub_id
)
SELECT
  r.year,
  r.hub_id,
  CAST(COALESCE(m.local_revenue_usd, 0) AS DECIMAL(38, 12)) AS local_revenue_usd,
  CAST(COALESCE(m.allocation_revenue_usd, 0) AS DECIMAL(38, 12)) AS allocation_revenue_usd,
  CAST(COALESCE(m.deployed_usd, 0) AS DECIMAL(38, 12)) AS deployed_usd
FROM reporting r
LEFT JOIN hub_registry h ON h.hub_id = r.hub_id
LEFT JOIN money m ON m.year = r.year AND m.hub_id = r.hub_id
WHERE COALESCE(h.kind, '') <> 'global'
