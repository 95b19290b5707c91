-- funding_gini (2026.2): as in 2026.1, the editor-weighted Gini of x_c = D_c / E_c over the countries with E_c > 0,
-- Σ_i Σ_j E_i E_j |x_i − x_j| / (2 Σ E Σ D); a row for every year with a current report, null where no country has
-- editors or nothing was deployed in them.
WITH pairs AS (
  SELECT
    a.year,
    SUM(a.editors * b.editors * ABS(a.deployed_usd / a.editors - b.deployed_usd / b.editors)) AS weighted_gaps,
    MAX(a.total_editors) AS total_editors,
    MAX(a.total_deployed_usd) AS total_deployed_usd
  FROM editor_countries a
  JOIN editor_countries b ON b.year = a.year
  GROUP BY a.year
)
SELECT
  y.year,
  'movement' AS scope,
  'movement' AS scope_id,
  p.weighted_gaps / NULLIF(2.0 * p.total_editors * p.total_deployed_usd, 0) AS value
FROM report_years y
LEFT JOIN pairs p ON p.year = y.year
