-- funding_theil_between (2026.2): Σ_g s_g ln(s_g / p_g) over the regions and the group of countries without a
-- region (stage theil_groups); a row for every year with a current report.
SELECT y.year, 'movement' AS scope, 'movement' AS scope_id, t.theil_between AS value
FROM report_years y
LEFT JOIN theil_groups t ON t.year = y.year
