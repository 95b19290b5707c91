-- redistribution_intensity: Σ_r max(deployed_r − raised_r, 0) / Σ_r deployed_r, over the regions.
WITH regions AS (
  SELECT
    year,
    region,
    CAST(SUM(deployed_usd) AS DOUBLE) AS deployed_usd,
    CAST(SUM(raised_usd) AS DOUBLE) AS raised_usd,
    SUM(deployed_lines) + SUM(raised_lines) AS lines
  FROM country_facts
  WHERE region IS NOT NULL
  GROUP BY year, region
)
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  SUM(GREATEST(deployed_usd - raised_usd, 0.0)) / NULLIF(SUM(deployed_usd), 0) AS value
FROM regions
GROUP BY year
HAVING SUM(lines) > 0
