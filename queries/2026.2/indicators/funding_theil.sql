-- funding_theil (2026.2): T = Σ_c s_c ln(s_c / p_c) over the countries with E_c > 0 (stage theil_groups); a row for
-- every year with a current report.
SELECT y.year, 'movement' AS scope, 'movement' AS scope_id, t.theil AS value
FROM report_years y
LEFT JOIN theil_groups t ON t.year = y.year
