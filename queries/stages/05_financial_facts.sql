-- The one scan of the financial lines: current reports only, converted to US dollars at the year's rate,
-- summed per hub, flow, category, country and focus.
SELECT
  f.year,
  f.hub_id,
  h.kind AS hub_kind,
  f.flow,
  f.category,
  f.country,
  f.underrepresented_focus,
  COUNT(*) AS line_count,
  SUM(CAST(f.amount AS DOUBLE) * CASE WHEN f.currency = 'USD' THEN 1.0 ELSE x.usd_per_unit END) AS amount_usd
FROM financial f
JOIN current_reports r ON r.report_id = f.report_id
LEFT JOIN exchange_rates x ON x.currency = f.currency AND x.year = f.year
LEFT JOIN hub_registry h ON h.hub_id = f.hub_id
GROUP BY f.year, f.hub_id, h.kind, f.flow, f.category, f.country, f.underrepresented_focus
