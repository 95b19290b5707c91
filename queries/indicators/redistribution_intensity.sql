-- redistribution_intensity: Σ_r max(deployed_r − raised_r, 0) / Σ_r deployed_r, over the regions. The sums
-- stay exact DECIMALs until the division, so the figure does not depend on the order of addition.
WITH regions AS (
  SELECT
    year,
    region,
    SUM(deployed_usd) AS deployed_usd,
    SUM(raised_usd) AS raised_usd,
    SUM(deployed_lines) + SUM(raised_lines) AS lines
  FROM country_facts
  WHERE region IS NOT NULL
  GROUP BY year, region
)
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(SUM(GREATEST(deployed_usd - raised_usd, 0)) AS DOUBLE) / NULLIF(CAST(SUM(deployed_usd) AS DOUBLE), 0) AS value
FROM regions
GROUP BY year
HAVING SUM(lines) > 0
