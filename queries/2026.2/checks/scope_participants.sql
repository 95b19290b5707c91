-- Framework 2026.2, disclosure control: Σ participants of every region (by the lines' countries), hub and country
-- instance per year; outcomes figures of an instance below k are suppressed.
SELECT year, scope, scope_id, CAST(participants AS DOUBLE) AS participants
FROM scope_facts
WHERE basis IN ('lines', 'hub', 'country')
