-- Redistribution scenarios: what each contribution takes out of the contributor's countries, in proportion to
-- its deployment there: C_h · D_{h,c} / D_h.
SELECT
  k.year,
  c.hub_id,
  c.country,
  CAST(CAST(k.contribution_usd AS DOUBLE) * (CAST(c.deployed_usd AS DOUBLE) / CAST(k.deployed_usd AS DOUBLE)) AS DECIMAL(38, 12)) AS withdrawn_usd
FROM scenario_contributions k
JOIN scenario_parameters p ON p.year = k.year
JOIN scenario_cells c ON c.year = p.facts_year AND c.hub_id = k.hub_id
WHERE k.contribution_usd > 0 AND c.deployed_usd <> 0
