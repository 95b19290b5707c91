-- reporting_rate (2026.2): active non-global hubs with complete financial and impact reporting / all such hubs
-- (stage reporting_status); movement, and region by seat over the hubs seated in the region (none seated in a
-- protected country, which still count at movement scope).
WITH placed AS (
  SELECT s.year, s.status, g.region AS seat_region, g.is_protected AS seat_protected
  FROM reporting_status s
  LEFT JOIN hub_registry h ON h.hub_id = s.hub_id
  LEFT JOIN geography g ON g.country = h.country
)
SELECT
  year,
  'movement' AS scope,
  'movement' AS scope_id,
  CAST(SUM(CASE WHEN status = 'complete' THEN 1 ELSE 0 END) AS DOUBLE) / NULLIF(CAST(COUNT(*) AS DOUBLE), 0) AS value
FROM placed
GROUP BY year
UNION ALL
SELECT
  year,
  'region' AS scope,
  seat_region AS scope_id,
  CAST(SUM(CASE WHEN status = 'complete' THEN 1 ELSE 0 END) AS DOUBLE) / NULLIF(CAST(COUNT(*) AS DOUBLE), 0) AS value
FROM placed
WHERE seat_region IS NOT NULL AND seat_protected = FALSE
GROUP BY year, seat_region
