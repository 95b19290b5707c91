-- Redistribution scenarios: the impact facts of each case's year, as they are (a scenario moves money, not
-- editors or participants), with the case's key as their year. The framework's stages read these in place of
-- impact_facts, so that a scenario statement aggregates its cases' years only, each case apart.
SELECT p.year, i.hub_id, i.country, i.language, i.metric, i.value, i.row_count
FROM impact_facts i
JOIN scenario_parameters p ON p.facts_year = i.year
