-- Exchange rates: uploads merge; for each (currency, year) the rate of the newest upload (by upload time) wins.
SELECT currency, year, usd_per_unit
FROM (
  SELECT
    f.currency, f.year, f.usd_per_unit,
    row_number() OVER (PARTITION BY f.currency, f.year ORDER BY m.uploaded_at DESC, m.seq DESC) AS recency
  FROM fx_rates f
  JOIN manifest m ON m.report_id = f.report_id
) ranked
WHERE recency = 1
