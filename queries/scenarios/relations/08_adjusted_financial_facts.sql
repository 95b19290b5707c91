-- Redistribution scenarios: the financial facts of each case's year as the scenario would have them: the year's
-- own facts, and one more expense fact per hub and country carrying the scenario's change to what the hub
-- deployed there. It adds no line (line_count 0), so every row-existence rule reads as before. Each row carries
-- its case's key as its year (see scenario_parameters). The framework's own stages and indicator queries run over
-- these facts in place of financial_facts (relations named adjusted_*).
SELECT
  p.year,
  f.hub_id,
  f.hub_kind,
  f.flow,
  f.category,
  f.country,
  f.underrepresented_focus,
  f.line_count,
  f.amount_usd
FROM financial_facts f
JOIN scenario_parameters p ON p.facts_year = f.year
UNION ALL
SELECT
  a.year,
  a.hub_id,
  h.kind AS hub_kind,
  'expense' AS flow,
  'scenario_transfer' AS category,
  a.country,
  FALSE AS underrepresented_focus,
  CAST(0 AS BIGINT) AS line_count,
  CAST(a.amount_usd AS DECIMAL(38, 12)) AS amount_usd
FROM scenario_adjustments a
LEFT JOIN hub_registry h ON h.hub_id = a.hub_id
