-- funding_theil: T = Σ_c s_c ln(s_c / p_c) over the countries with E_c > 0 (see stage theil_components).
SELECT year, 'movement' AS scope, 'movement' AS scope_id, theil AS value
FROM theil_components
