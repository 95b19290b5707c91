-- Framework 2026.2: the years with any current report, in which the movement-only indicators have a row.
SELECT DISTINCT year FROM current_reports
