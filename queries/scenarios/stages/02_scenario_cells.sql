-- Redistribution scenarios: per year, hub and country, what the hub deployed there D_{h,c} (every hub, the global
-- fund included: D_c counts them all) and the active editors it reports there E_{h,c} (hubs that are not
-- `global` only: E_c counts those), with the country's Global South flag.
WITH deployed AS (
  SELECT
    year,
    hub_id,
    country,
    SUM(CASE WHEN flow = 'expense' OR category IN ('team_grant', 'individual_grant') THEN amount_usd ELSE 0 END) AS deployed_usd
  FROM financial_facts
  GROUP BY year, hub_id, country
),
editors AS (
  SELECT i.year, i.hub_id, i.country, SUM(i.value) AS editors
  FROM impact_facts i
  LEFT JOIN hub_registry h ON h.hub_id = i.hub_id
  WHERE i.metric = 'active_editors' AND COALESCE(h.kind, '') <> 'global'
  GROUP BY i.year, i.hub_id, i.country
),
cells AS (
  SELECT year, hub_id, country FROM deployed
  UNION
  SELECT year, hub_id, country FROM editors
)
SELECT
  c.year,
  c.hub_id,
  c.country,
  CAST(COALESCE(d.deployed_usd, 0) AS DECIMAL(38, 12)) AS deployed_usd,
  CAST(COALESCE(e.editors, 0) AS DOUBLE) AS editors,
  COALESCE(g.south, FALSE) AS south
FROM cells c
LEFT JOIN deployed d ON d.year = c.year AND d.hub_id = c.hub_id AND d.country = c.country
LEFT JOIN editors e ON e.year = c.year AND e.hub_id = c.hub_id AND e.country = c.country
LEFT JOIN geography g ON g.country = c.country
