-- The hub registry of the newest `hubs` upload (a new registry replaces the previous one).
SELECT h.hub_id, h.name, h.kind, h.country, h.active_from, h.active_to
FROM hubs h
JOIN (
  SELECT report_id
  FROM (
    SELECT
      m.report_id,
      row_number() OVER (ORDER BY m.uploaded_at DESC, m.seq DESC) AS recency
    FROM manifest m
    WHERE m.kind = 'hubs'
  ) ranked
  WHERE recency = 1
) newest ON newest.report_id = h.report_id
