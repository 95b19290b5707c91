-- Current reports: for each (hub, kind, period), the newest upload (by upload time, then sequence). Only these count.
SELECT report_id, kind, hub_id, period, year, quarter, seq
FROM (
  SELECT
    m.report_id, m.kind, m.hub_id, m.period, m.year, m.quarter, m.seq,
    row_number() OVER (PARTITION BY m.kind, m.hub_id, m.period ORDER BY m.uploaded_at DESC, m.seq DESC) AS recency
  FROM manifest m
  WHERE m.kind IN ('financial', 'impact')
) ranked
WHERE recency = 1
