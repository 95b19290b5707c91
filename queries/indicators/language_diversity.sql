-- language_diversity: Shannon entropy −Σ_l p_l ln p_l of content_created by language (rows with no language
-- are left out).
WITH by_language AS (
  SELECT f.year, g.region, f.language, SUM(f.value) AS content
  FROM impact_facts f
  LEFT JOIN geography g ON g.country = f.country
  WHERE f.metric = 'content_created' AND f.language IS NOT NULL
  GROUP BY f.year, g.region, f.language
),
movement AS (
  SELECT year, language, SUM(content) AS content, SUM(SUM(content)) OVER (PARTITION BY year) AS total
  FROM by_language
  GROUP BY year, language
),
regional AS (
  SELECT year, region, language, content, SUM(content) OVER (PARTITION BY year, region) AS total
  FROM by_language
  WHERE region IS NOT NULL
)
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  CASE WHEN MAX(total) > 0 THEN -SUM(CASE WHEN content > 0 THEN (content / total) * ln(content / total) ELSE 0.0 END) END AS value
FROM movement
GROUP BY year
UNION ALL
SELECT
  year,
  'region' AS scope,
  region AS scope_id,
  CASE WHEN MAX(total) > 0 THEN -SUM(CASE WHEN content > 0 THEN (content / total) * ln(content / total) ELSE 0.0 END) END AS value
FROM regional
GROUP BY year, region
