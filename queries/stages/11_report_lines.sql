-- The current reports' lines per report, which the facts sum away: one row per report and country of its
-- financial and impact lines, with how many there are; an allocation line (category hub_allocation or
-- movement_allocation) also per flow, category and counterparty, with its exact DECIMAL US dollars at the year's
-- rate (as in 05_financial_facts.sql). The reports behind each figure (dashboards/contributions.sql), the
-- allocations (dashboards/allocations.sql) and the lake-integrity check (checks/report_rows.sql) read it, so that
-- no query reads `financial` or `impact`: on Athena the lake is scanned by the stages only.
WITH financial_lines AS (
  SELECT
    f.report_id,
    f.year,
    f.hub_id,
    f.country,
    f.flow,
    f.category,
    f.counterparty_id,
    f.category IN ('hub_allocation', 'movement_allocation') AS allocation,
    CASE
      WHEN f.currency = 'USD' THEN CAST(f.amount AS DECIMAL(38, 12))
      ELSE CAST(CAST(f.amount AS DOUBLE) * x.usd_per_unit AS DECIMAL(38, 12))
    END AS amount_usd
  FROM financial f
  JOIN current_reports r ON r.report_id = f.report_id
  LEFT JOIN exchange_rates x ON x.currency = f.currency AND x.year = f.year
),
report_financial_lines AS (
  SELECT
    report_id,
    year,
    hub_id,
    country,
    CASE WHEN allocation THEN flow END AS flow,
    CASE WHEN allocation THEN category END AS category,
    CASE WHEN allocation THEN counterparty_id END AS counterparty_id,
    CASE WHEN allocation THEN amount_usd END AS amount_usd
  FROM financial_lines
)
SELECT
  'financial' AS kind,
  report_id,
  year,
  hub_id,
  country,
  flow,
  category,
  counterparty_id,
  COUNT(*) AS line_count,
  SUM(amount_usd) AS amount_usd
FROM report_financial_lines
GROUP BY report_id, year, hub_id, country, flow, category, counterparty_id
UNION ALL
SELECT
  'impact' AS kind,
  i.report_id,
  i.year,
  i.hub_id,
  i.country,
  CAST(NULL AS VARCHAR) AS flow,
  CAST(NULL AS VARCHAR) AS category,
  CAST(NULL AS VARCHAR) AS counterparty_id,
  COUNT(*) AS line_count,
  CAST(NULL AS DECIMAL(38, 12)) AS amount_usd
FROM impact i
JOIN current_reports r ON r.report_id = i.report_id
GROUP BY i.report_id, i.year, i.hub_id, i.country
