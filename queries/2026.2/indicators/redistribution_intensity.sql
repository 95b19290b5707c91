-- redistribution_intensity (2026.2): Σ_g max(deployed_g − raised_g, 0) / Σ_g deployed_g over the Wikimedia regions
-- and one more group, the countries without a region (Antarctica). A row for every year with a current report.
WITH country_groups AS (
  SELECT f.year, g.region, SUM(f.deployed_usd) AS deployed_usd, SUM(f.raised_usd) AS raised_usd
  FROM hub_country_facts f
  LEFT JOIN geography g ON g.country = f.country
  GROUP BY f.year, g.region
),
intensity AS (
  SELECT
    year,
    CAST(SUM(GREATEST(deployed_usd - raised_usd, 0.0)) AS DOUBLE) / NULLIF(CAST(SUM(deployed_usd) AS DOUBLE), 0) AS value
  FROM country_groups
  GROUP BY year
)
SELECT y.year, 'movement' AS scope, 'movement' AS scope_id, i.value
FROM report_years y
LEFT JOIN intensity i ON i.year = y.year
