-- Redistribution scenarios: every hub of the scenario's year that contributes or receives, or could contribute
-- (not `global`, with a current financial report), with its local revenue L_h, contribution C_h, receipt A_h,
-- net change A_h − C_h and deployed funds before (D_h) and after (D_h − C_h + A_h), and whether its row is
-- published (a current financial report, and a seat the country table knows and does not protect).
WITH received AS (
  SELECT year, hub_id, SUM(received_usd) AS receipt_usd
  FROM scenario_receipts
  GROUP BY year, hub_id
),
hubs_in_year AS (
  SELECT year, hub_id FROM scenario_contributions
  UNION
  SELECT year, hub_id FROM received
)
SELECT
  h.year,
  h.hub_id,
  k.hub_id IS NOT NULL AND COALESCE(seat.is_protected, TRUE) = FALSE AS published,
  CAST(COALESCE(k.local_revenue_usd, 0) AS DOUBLE) AS local_revenue_usd,
  CAST(COALESCE(k.contribution_usd, 0) AS DOUBLE) AS contribution_usd,
  CAST(COALESCE(r.receipt_usd, 0) AS DOUBLE) AS receipt_usd,
  CAST(COALESCE(r.receipt_usd, 0) - COALESCE(k.contribution_usd, 0) AS DOUBLE) AS net_usd,
  CAST(COALESCE(k.deployed_usd, 0) AS DOUBLE) AS deployed_baseline_usd,
  CAST(COALESCE(k.deployed_usd, 0) - COALESCE(k.contribution_usd, 0) + COALESCE(r.receipt_usd, 0) AS DOUBLE) AS deployed_scenario_usd
FROM hubs_in_year h
LEFT JOIN scenario_contributions k ON k.year = h.year AND k.hub_id = h.hub_id
LEFT JOIN received r ON r.year = h.year AND r.hub_id = h.hub_id
LEFT JOIN hub_registry g ON g.hub_id = h.hub_id
LEFT JOIN geography seat ON seat.country = g.country
ORDER BY h.hub_id
