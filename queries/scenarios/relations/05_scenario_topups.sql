-- Redistribution scenarios: the pool's top-up of each country with editors. per_editor: λ · e_c, with
-- λ = P / Σ e. level_up: λ · e_c − D⁰_c for the countries whose funds per weighted editor D⁰_c / e_c are at most
-- the cutoff (the countries below the level λ), 0 for the others. λ and the cutoff are solved per case from
-- these same countries (functions/core/scenarios/allocation.ts); a null λ (an empty pool) tops up nothing.
SELECT
  c.year,
  c.country,
  c.editors,
  CAST(
    CASE
      WHEN p.level IS NULL THEN 0.0
      WHEN NOT p.levels_up THEN p.level * c.weighted_editors
      WHEN CAST(c.remaining_usd AS DOUBLE) / c.weighted_editors <= p.cutoff
        THEN GREATEST(p.level * c.weighted_editors - CAST(c.remaining_usd AS DOUBLE), 0.0)
      ELSE 0.0
    END AS DECIMAL(38, 12)
  ) AS topup_usd
FROM scenario_countries c
JOIN scenario_parameters p ON p.year = c.year
WHERE c.editors > 0
