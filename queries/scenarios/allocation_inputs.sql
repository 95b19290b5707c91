-- Redistribution scenarios: what the allocation step needs for the scenario's year: the pool P = Σ C_h, and each
-- country with editors (E_c > 0) with its weighted editors e_c and its funds after the withdrawals D⁰_c. One row
-- per such country, each with the pool; one row without a country when no country has editors.
WITH pool AS (
  SELECT p.year, CAST(COALESCE(SUM(k.contribution_usd), 0) AS DOUBLE) AS pool_usd
  FROM scenario_parameters p
  LEFT JOIN scenario_contributions k ON k.year = p.year
  GROUP BY p.year
)
SELECT
  o.pool_usd,
  c.country,
  c.weighted_editors,
  CAST(c.remaining_usd AS DOUBLE) AS remaining_usd
FROM pool o
LEFT JOIN scenario_countries c ON c.year = o.year AND c.editors > 0
ORDER BY c.country
