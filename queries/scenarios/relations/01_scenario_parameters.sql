-- Redistribution scenarios: the scenario's parameters for one year, bound when a statement runs (the only
-- placeholders of the scenario SQL): the year; r, the floor and f of the contributions; the Global South
-- weight; whether the pool levels up (level_up) or goes per editor; the level λ (null: no top-ups); and, for
-- level_up, the highest funds per weighted editor D⁰_c / e_c that still receive (the cutoff).
SELECT
  CAST(? AS INTEGER) AS year,
  CAST(? AS DOUBLE) AS local_revenue_rate,
  CAST(? AS DECIMAL(38, 12)) AS floor_usd,
  CAST(? AS DOUBLE) AS global_fund_reallocation,
  CAST(? AS DOUBLE) AS south_weight,
  CAST(? AS BOOLEAN) AS levels_up,
  CAST(? AS DOUBLE) AS level,
  CAST(? AS DOUBLE) AS cutoff
