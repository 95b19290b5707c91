-- funding_gini: editor-weighted Gini of x_c = D_c / E_c over the countries with E_c > 0:
-- G = Σ_i Σ_j E_i E_j |x_i − x_j| / (2 (Σ E)² μ), μ = Σ D / Σ E, which simplifies to
-- Σ_i Σ_j E_i E_j |x_i − x_j| / (2 Σ E Σ D). Null when nothing was deployed.
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
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  weighted_gaps / NULLIF(2.0 * total_editors * total_deployed_usd, 0) AS value
FROM pairs
