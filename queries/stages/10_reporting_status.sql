-- Reporting status, staged once for the reporting_rate indicator and the dashboards' reporting grid: for each hub that is not global and is active in a year of the current reports (the
-- population of reporting_rate), the state of its financial and of its impact reporting for the year:
-- complete (an annual report, or all four quarters), partial (some quarters only) or missing (nothing); and
-- overall: complete when both are complete, missing when both are missing, partial otherwise.
WITH report_years AS (
  SELECT DISTINCT year FROM current_reports
),
hubs_in_year AS (
  SELECT y.year, h.hub_id
  FROM report_years y
  JOIN hub_registry h
    ON h.kind <> 'global' AND h.active_from <= y.year AND (h.active_to IS NULL OR h.active_to >= y.year)
),
kind_states AS (
  SELECT
    hub_id,
    year,
    kind,
    CASE
      WHEN MAX(CASE WHEN quarter IS NULL THEN 1 ELSE 0 END) = 1 OR COUNT(DISTINCT quarter) = 4 THEN 'complete'
      ELSE 'partial'
    END AS state
  FROM current_reports
  GROUP BY hub_id, year, kind
),
hub_states AS (
  SELECT
    a.year,
    a.hub_id,
    COALESCE(fin.state, 'missing') AS financial,
    COALESCE(imp.state, 'missing') AS impact
  FROM hubs_in_year a
  LEFT JOIN kind_states fin ON fin.hub_id = a.hub_id AND fin.year = a.year AND fin.kind = 'financial'
  LEFT JOIN kind_states imp ON imp.hub_id = a.hub_id AND imp.year = a.year AND imp.kind = 'impact'
)
SELECT
  year,
  hub_id,
  financial,
  impact,
  CASE
    WHEN financial = 'complete' AND impact = 'complete' THEN 'complete'
    WHEN financial = 'missing' AND impact = 'missing' THEN 'missing'
    ELSE 'partial'
  END AS status
FROM hub_states
