-- funding_theil_between: Σ_r s_r ln(s_r / p_r) over regions (see stage theil_components).
SELECT year, 'movement' AS scope, 'movement' AS scope_id, theil_between AS value
FROM theil_components
