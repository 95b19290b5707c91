-- Framework 2026.2: content created per year, scope instance (see scope_members) and language, for
-- language_diversity; content without a language is left out. Summed as an exact DECIMAL, so the sum does not
-- depend on the order in which the engine adds the values up.
SELECT i.year, m.basis, m.scope_id, i.language, SUM(CAST(i.value AS DECIMAL(38, 0))) AS content
FROM impact_facts i
JOIN scope_members m ON m.hub_id = i.hub_id AND m.country = i.country
WHERE i.metric = 'content_created' AND i.language IS NOT NULL
GROUP BY i.year, m.basis, m.scope_id, i.language
