-- Redistribution scenarios: the years with current financial reports, to which a scenario without `years` applies.
SELECT DISTINCT year FROM current_reports WHERE kind = 'financial' ORDER BY year
