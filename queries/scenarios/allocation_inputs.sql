-- Redistribution scenarios: what the allocation step needs for each case (the scenario in its year at its rate,
-- keyed by `year`, see scenario_parameters): the pool P = Σ C_h, and each country with editors (E_c > 0) with its
-- weighted editors e_c and its funds after the case's withdrawals D⁰_c; both P and D⁰_c depend on the rate. One
-- row per case and such country, each with the case's pool; one row without a country for a case in whose year no
-- country has editors.
WITH pool AS (
  SELECT p.year, CAST(COALESCE(SUM(k.contribution_usd), 0) AS DOUBLE) AS pool_usd
  FROM scenario_parameters p
  LEFT JOIN scenario_contributions k ON k.year = p.year
  GROUP BY p.year
)
SELECT
  o.year,
  o.pool_usd,
  c.country,
  c.weighted_editors,
  CAST(c.remaining_usd AS DOUBLE) AS remaining_usd
FROM pool o
LEFT JOIN scenario_countries c ON c.year = o.year AND c.editors > 0
ORDER BY o.year, c.country
