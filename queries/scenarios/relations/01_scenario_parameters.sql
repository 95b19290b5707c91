-- Redistribution scenarios: the cases a statement computes, one row each (scenario_cases, the VALUES list of the
-- cases' bound parameters that functions/core/scenarios/scenario-run.ts puts before this relation), with the
-- scenario's own parameters, bound when the statement runs (with the cases', the only placeholders of the
-- scenario SQL). A case is the scenario in one year at one local revenue rate r: `simulate` computes one, the
-- sensitivity series one per rate. `year` is the case's key, which every scenario relation and the framework's
-- stages over the adjusted facts carry as their year, so that SQL which computes each year apart computes each
-- case apart (for `simulate`'s one case the key is the year itself); `facts_year` is the year of the facts the
-- case reads. Then r, the floor and f of the contributions; the Global South weight; whether the pool levels up
-- (level_up) or goes per editor; the level λ (null: no top-ups); and, for level_up, the highest funds per weighted
-- editor D⁰_c / e_c that still receive (the cutoff).
SELECT
  c.case_key AS year,
  c.year AS facts_year,
  c.local_revenue_rate,
  CAST(? AS DECIMAL(38, 12)) AS floor_usd,
  CAST(? AS DOUBLE) AS global_fund_reallocation,
  CAST(? AS DOUBLE) AS south_weight,
  CAST(? AS BOOLEAN) AS levels_up,
  c.level,
  c.cutoff
FROM scenario_cases c
