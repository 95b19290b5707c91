-- Redistribution scenarios: the impact facts of the scenario's year, as they are (a scenario moves money, not
-- editors or participants). The framework's stages read these in place of impact_facts, so that a scenario
-- statement aggregates one year only.
SELECT i.year, i.hub_id, i.country, i.language, i.metric, i.value, i.row_count
FROM impact_facts i
JOIN scenario_parameters p ON p.year = i.year
