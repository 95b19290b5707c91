-- Redistribution scenarios: the current reports of each case's year, with the case's key as their year. The
-- framework's stages that read current_reports (the years with a report, the reporting status) read these in
-- its place, so that every relation a scenario statement reads by year is keyed by its cases.
SELECT r.report_id, r.kind, r.hub_id, r.period, p.year, r.quarter, r.seq
FROM current_reports r
JOIN scenario_parameters p ON p.facts_year = r.year
