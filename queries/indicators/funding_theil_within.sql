-- funding_theil_within: funding_theil − funding_theil_between.
SELECT year, 'movement' AS scope, 'movement' AS scope_id, theil - theil_between AS value
FROM theil_components
