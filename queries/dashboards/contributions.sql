-- Which current report fed which region's figures in a year: a report contributes to a region when any of its
-- financial or impact lines has a country of that region.
WITH report_countries AS (
  SELECT report_id, country FROM financial
  UNION
  SELECT report_id, country FROM impact
)
SELECT DISTINCT r.report_id, r.year, g.region
FROM report_countries c
JOIN current_reports r ON r.report_id = c.report_id
JOIN geography g ON g.country = c.country
WHERE g.region IS NOT NULL
ORDER BY r.year, g.region, r.report_id
