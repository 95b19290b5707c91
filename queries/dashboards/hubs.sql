-- The current hub registry, each hub with the Wikimedia region of its seat country (null where the country
-- table gives none).
SELECT h.hub_id, h.name, h.kind, h.country, g.region, h.active_from, h.active_to
FROM hub_registry h
LEFT JOIN geography g ON g.country = h.country
ORDER BY h.hub_id
