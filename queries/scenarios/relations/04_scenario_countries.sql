-- Redistribution scenarios: every country of each case's year with what was deployed there D_c (by every hub),
-- what is left after the case's withdrawals D⁰_c, the active editors hubs that are not `global` report there
-- E_c, and the weighted editors e_c = weight_c · E_c (weight_c: the Global South weight for a Global South
-- country, else 1). Only the countries with E_c > 0 receive.
WITH withdrawn AS (
  SELECT year, country, SUM(withdrawn_usd) AS withdrawn_usd
  FROM scenario_withdrawals
  GROUP BY year, country
),
countries_in_year AS (
  SELECT p.year, c.country, c.south, SUM(c.deployed_usd) AS deployed_usd, SUM(c.editors) AS editors
  FROM scenario_cells c
  JOIN scenario_parameters p ON p.facts_year = c.year
  GROUP BY p.year, c.country, c.south
)
SELECT
  c.year,
  c.country,
  c.deployed_usd,
  c.deployed_usd - COALESCE(w.withdrawn_usd, 0) AS remaining_usd,
  c.editors,
  CASE WHEN c.south THEN p.south_weight ELSE 1.0 END * c.editors AS weighted_editors
FROM countries_in_year c
JOIN scenario_parameters p ON p.year = c.year
LEFT JOIN withdrawn w ON w.year = c.year AND w.country = c.country
