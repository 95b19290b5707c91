-- Allocations from the global fund against what each hub reports receiving, per year and hub, in US dollars at
-- the year's rate, over current reports: the grant lines of category hub_allocation of hubs of kind global, by
-- counterparty_id, and the recipient's own revenue lines of category movement_allocation. One row per year and
-- hub with either side. A gap is |received − allocated| > max(1 USD, 1% of the larger side), both sides of the
-- comparison rounded to the cent, so that the rounding of a conversion cannot tip a difference over the line.
-- Each line's dollars are an exact DECIMAL (to 10^-12 USD), as in stages/05_financial_facts.sql, summed per
-- report in stages/11_report_lines.sql, so the sums do not depend on the order in which the engine adds the lines
-- up.
WITH allocation_lines AS (
  SELECT
    l.year,
    l.hub_id,
    COALESCE(h.kind, '') AS hub_kind,
    l.flow,
    l.category,
    l.counterparty_id,
    l.amount_usd,
    l.line_count
  FROM report_lines l
  LEFT JOIN hub_registry h ON h.hub_id = l.hub_id
  WHERE l.category IN ('hub_allocation', 'movement_allocation')
),
sides AS (
  SELECT
    year,
    counterparty_id AS hub_id,
    amount_usd AS allocated_usd,
    CAST(0 AS DECIMAL(38, 12)) AS received_usd,
    line_count AS allocated_lines,
    0 AS received_lines
  FROM allocation_lines
  WHERE hub_kind = 'global' AND flow = 'grant' AND category = 'hub_allocation'
  UNION ALL
  SELECT
    year,
    hub_id,
    CAST(0 AS DECIMAL(38, 12)) AS allocated_usd,
    amount_usd AS received_usd,
    0 AS allocated_lines,
    line_count AS received_lines
  FROM allocation_lines
  WHERE hub_kind <> 'global' AND flow = 'revenue' AND category = 'movement_allocation'
),
totals AS (
  SELECT
    year,
    hub_id,
    SUM(allocated_usd) AS allocated_usd,
    SUM(received_usd) AS received_usd,
    SUM(allocated_lines) AS allocated_lines,
    SUM(received_lines) AS received_lines
  FROM sides
  GROUP BY year, hub_id
)
SELECT
  year,
  hub_id,
  CAST(allocated_usd AS DOUBLE) AS allocated_usd,
  CAST(received_usd AS DOUBLE) AS received_usd,
  allocated_lines,
  received_lines,
  CAST(received_usd - allocated_usd AS DOUBLE) AS gap_usd,
  CASE
    WHEN received_lines = 0 THEN 'not-reported'
    WHEN allocated_lines = 0 THEN 'not-allocated'
    WHEN ABS(ROUND(received_usd - allocated_usd, 2))
      > GREATEST(1.0, ROUND(0.01 * GREATEST(allocated_usd, received_usd), 2)) THEN 'gap'
    ELSE 'matched'
  END AS state
FROM totals
ORDER BY year, hub_id
