-- funding_theil_within (2026.2): funding_theil − funding_theil_between; a row for every year with a current report.
SELECT y.year, 'movement' AS scope, 'movement' AS scope_id, t.theil - t.theil_between AS value
FROM report_years y
LEFT JOIN theil_groups t ON t.year = y.year
