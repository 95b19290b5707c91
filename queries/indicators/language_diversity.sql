-- language_diversity: Shannon entropy −Σ_l p_l ln p_l of content_created by language (rows with no language
-- are left out). A row exists where content or participants (which disclosure control reads) exist; its value
-- is null when none of the content has a language. The terms are summed as exact DECIMALs (to 10^-30), so the
-- figure does not depend on the order in which the engine adds them up.
WITH by_language AS (
  SELECT f.year, g.region, f.language, SUM(f.value) AS content
  FROM impact_facts f
  LEFT JOIN geography g ON g.country = f.country
  WHERE f.metric = 'content_created' AND f.language IS NOT NULL
  GROUP BY f.year, g.region, f.language
),
movement_shares AS (
  SELECT year, language, SUM(content) / SUM(SUM(content)) OVER (PARTITION BY year) AS share
  FROM by_language
  GROUP BY year, language
),
region_shares AS (
  SELECT year, region, content / SUM(content) OVER (PARTITION BY year, region) AS share
  FROM by_language
  WHERE region IS NOT NULL
),
movement_entropy AS (
  SELECT year, -CAST(SUM(CAST(CASE WHEN share > 0 THEN share * ln(share) ELSE 0.0 END AS DECIMAL(38, 30))) AS DOUBLE) AS value
  FROM movement_shares
  GROUP BY year
),
region_entropy AS (
  SELECT year, region, -CAST(SUM(CAST(CASE WHEN share > 0 THEN share * ln(share) ELSE 0.0 END AS DECIMAL(38, 30))) AS DOUBLE) AS value
  FROM region_shares
  GROUP BY year, region
),
movement_scope AS (
  SELECT year FROM country_facts GROUP BY year HAVING SUM(content_rows) + SUM(participant_rows) > 0
),
region_scope AS (
  SELECT year, region FROM country_facts WHERE region IS NOT NULL
  GROUP BY year, region HAVING SUM(content_rows) + SUM(participant_rows) > 0
)
SELECT s.year, 'movement' AS scope, 'movement' AS scope_id, e.value
FROM movement_scope s
LEFT JOIN movement_entropy e ON e.year = s.year
UNION ALL
SELECT s.year, 'region' AS scope, s.region AS scope_id, e.value
FROM region_scope s
LEFT JOIN region_entropy e ON e.year = s.year AND e.region = s.region
