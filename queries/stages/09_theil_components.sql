-- The Theil T of deployed funds against active editors and its between-region part, per year, over the
-- countries with E_c > 0: T = Σ_c s_c ln(s_c / p_c), s_c = D_c / Σ D, p_c = E_c / Σ E (a term with s_c = 0
-- is 0); between = the same over regions, s_r and p_r summed over those countries. Null when Σ D = 0.
-- Shares and terms are summed as exact DECIMALs (to 10^-30), so the figures do not depend on the order in
-- which the engine adds them up.
WITH countries_in_year AS (
  SELECT
    year,
    region,
    deployed_usd / NULLIF(total_deployed_usd, 0) AS funds_share,
    editors / total_editors AS editors_share
  FROM editor_countries
),
regions AS (
  SELECT
    year,
    region,
    CAST(SUM(CAST(funds_share AS DECIMAL(38, 30))) AS DOUBLE) AS funds_share,
    CAST(SUM(CAST(editors_share AS DECIMAL(38, 30))) AS DOUBLE) AS editors_share
  FROM countries_in_year
  WHERE region IS NOT NULL
  GROUP BY year, region
),
between_regions AS (
  SELECT
    year,
    CAST(SUM(CAST(
      CASE WHEN funds_share > 0 THEN funds_share * ln(funds_share / editors_share) ELSE 0.0 END
      AS DECIMAL(38, 30))) AS DOUBLE) AS value
  FROM regions
  GROUP BY year
)
SELECT
  c.year,
  CASE WHEN COUNT(c.funds_share) > 0 THEN
    CAST(SUM(CAST(
      CASE WHEN c.funds_share > 0 THEN c.funds_share * ln(c.funds_share / c.editors_share) ELSE 0.0 END
      AS DECIMAL(38, 30))) AS DOUBLE)
  END AS theil,
  CASE WHEN COUNT(c.funds_share) > 0 THEN COALESCE(MAX(b.value), 0.0) END AS theil_between
FROM countries_in_year c
LEFT JOIN between_regions b ON b.year = c.year
GROUP BY c.year
