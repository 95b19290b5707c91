-- Which current reports fed each scope instance's figures in a year: the reports behind each figure, one row per
-- instance with its report ids in order (one row per report would be hundreds of thousands at movement scale). A report
-- feeds an instance when any of its financial or impact lines counts in it, by `basis` as in framework 2026.2's
-- scope_members: movement (every report); lines (the region of the line's country); seat (the region of the
-- hub's seat); hub (the hub's own reports); country (the line's country). Disclosure control as there: no
-- country instance for a protected country, and no hub or seat instance for a hub seated in one (its reports
-- still feed the movement, and regions and countries through their lines). A country or seat the country table
-- does not know is treated as protected. Reads the shared stages only (the reports' countries from
-- stages/11_report_lines.sql), so it runs for every framework version. Each basis lists a report once per instance:
-- the movement, seat and hub bases read one row per report, the lines basis its distinct regions, the country basis
-- its distinct countries.
WITH report_countries AS (
  SELECT DISTINCT report_id, country FROM report_lines
),
reports AS (
  SELECT DISTINCT r.year, r.report_id, r.hub_id, seat.region AS seat_region, seat.is_protected AS seat_protected
  FROM current_reports r
  LEFT JOIN hub_registry h ON h.hub_id = r.hub_id
  LEFT JOIN geography seat ON seat.country = h.country
  WHERE r.report_id IN (SELECT report_id FROM report_countries)
),
lines AS (
  SELECT r.year, r.report_id, c.country, own.region AS line_region, own.is_protected AS country_protected
  FROM report_countries c
  JOIN current_reports r ON r.report_id = c.report_id
  LEFT JOIN geography own ON own.country = c.country
),
members AS (
  SELECT year, 'movement' AS basis, 'movement' AS scope, 'movement' AS scope_id, report_id FROM reports
  UNION ALL
  SELECT DISTINCT year, 'lines' AS basis, 'region' AS scope, line_region AS scope_id, report_id
  FROM lines WHERE line_region IS NOT NULL
  UNION ALL
  SELECT year, 'seat' AS basis, 'region' AS scope, seat_region AS scope_id, report_id
  FROM reports WHERE seat_region IS NOT NULL AND seat_protected = FALSE
  UNION ALL
  SELECT year, 'hub' AS basis, 'hub' AS scope, hub_id AS scope_id, report_id
  FROM reports WHERE seat_protected = FALSE
  UNION ALL
  SELECT year, 'country' AS basis, 'country' AS scope, country AS scope_id, report_id
  FROM lines WHERE country_protected = FALSE
)
SELECT year, basis, scope, scope_id, array_agg(report_id ORDER BY report_id) AS report_ids
FROM members
GROUP BY year, basis, scope, scope_id
ORDER BY year, basis, scope_id
