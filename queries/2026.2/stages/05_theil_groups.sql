-- Framework 2026.2: the Theil T of deployed funds against active editors (stage theil_components) and its
-- between-group part, per year, over the countries with E_c > 0. The groups are the Wikimedia regions plus one
-- group for the countries without a region (Antarctica), so that between + within = T and within ≥ 0.
-- Null when Σ D = 0. Shares and terms are summed as exact DECIMALs (to 10^-30), each cast to DOUBLE once, so the
-- figures do not depend on the order in which the engine adds them up.
WITH countries_in_year AS (
  SELECT
    year,
    region,
    deployed_usd / NULLIF(total_deployed_usd, 0) AS funds_share,
    editors / total_editors AS editors_share
  FROM editor_countries
),
country_groups AS (
  SELECT
    year,
    region,
    CAST(SUM(CAST(funds_share AS DECIMAL(38, 30))) AS DOUBLE) AS funds_share,
    CAST(SUM(CAST(editors_share AS DECIMAL(38, 30))) AS DOUBLE) AS editors_share
  FROM countries_in_year
  GROUP BY year, region
),
between_groups AS (
  SELECT
    year,
    CASE WHEN COUNT(funds_share) > 0 THEN
      CAST(SUM(CAST(
        CASE WHEN funds_share > 0 THEN funds_share * ln(funds_share / editors_share) ELSE 0.0 END
        AS DECIMAL(38, 30))) AS DOUBLE)
    END AS theil_between
  FROM country_groups
  GROUP BY year
)
SELECT t.year, t.theil, b.theil_between
FROM theil_components t
JOIN between_groups b ON b.year = t.year
