-- The hub registry of the newest `hubs` upload (a new registry replaces the previous one).
SELECT h.hub_id, h.name, h.kind, h.country, h.active_from, h.active_to
FROM hubs h
JOIN (
  SELECT max_by(m.report_id, m.seq) AS report_id
  FROM manifest m
  WHERE m.kind = 'hubs'
) newest ON newest.report_id = h.report_id
