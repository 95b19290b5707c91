-- The financial lines as facts: current reports only, converted to US dollars at the year's rate,
-- summed per hub, flow, category, country and focus. Each line's dollars are an exact DECIMAL (to 10^-12 USD),
-- so the sums are exact and do not depend on the order in which the engine adds the lines up.
SELECT
  f.year,
  f.hub_id,
  h.kind AS hub_kind,
  f.flow,
  f.category,
  f.country,
  f.underrepresented_focus,
  COUNT(*) AS line_count,
  SUM(
    CASE
      WHEN f.currency = 'USD' THEN CAST(f.amount AS DECIMAL(38, 12))
      ELSE CAST(CAST(f.amount AS DOUBLE) * x.usd_per_unit AS DECIMAL(38, 12))
    END
  ) AS amount_usd
FROM financial f
JOIN current_reports r ON r.report_id = f.report_id
LEFT JOIN exchange_rates x ON x.currency = f.currency AND x.year = f.year
LEFT JOIN hub_registry h ON h.hub_id = f.hub_id
GROUP BY f.year, f.hub_id, h.kind, f.flow, f.category, f.country, f.underrepresented_focus
