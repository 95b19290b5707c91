-- funding_gini (2026.2): as in 2026.1, the editor-weighted Gini of x_c = D_c / E_c over the countries with E_c > 0,
-- Σ_i Σ_j E_i E_j |x_i − x_j| / (2 Σ E Σ D); a row for every year with a current report, null where no country has
-- editors or nothing was deployed in them. Each pair's term is divided by Σ E Σ D before the sum (it is then at
-- most 2) and summed as an exact DECIMAL (to 10^-30), so the figure does not depend on the order in which the
-- engine adds the pairs up.
WITH pairs AS (
  SELECT
    a.year,
    SUM(CAST(
      a.editors * b.editors * ABS(a.deployed_usd / a.editors - b.deployed_usd / b.editors)
        / NULLIF(a.total_editors * a.total_deployed_usd, 0)
      AS DECIMAL(38, 30))) AS weighted_gaps
  FROM editor_countries a
  JOIN editor_countries b ON b.year = a.year
  GROUP BY a.year
)
SELECT
  y.year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(p.weighted_gaps AS DOUBLE) / 2.0 AS value
FROM report_years y
LEFT JOIN pairs p ON p.year = y.year
