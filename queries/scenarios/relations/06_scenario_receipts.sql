-- Redistribution scenarios: a country's top-up reaches it through the hubs that report editors there, in
-- proportion to their editors: top_c · E_{h,c} / E_c.
SELECT
  t.year,
  c.hub_id,
  c.country,
  CAST(CAST(t.topup_usd AS DOUBLE) * (c.editors / t.editors) AS DECIMAL(38, 12)) AS received_usd
FROM scenario_topups t
JOIN scenario_parameters p ON p.year = t.year
JOIN scenario_cells c ON c.year = p.facts_year AND c.country = t.country
WHERE c.editors > 0 AND t.topup_usd > 0
