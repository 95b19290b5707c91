-- Disclosure control: Σ participants per region and year (outcomes figures of a region below k are suppressed).
SELECT year, region, CAST(SUM(participants) AS DOUBLE) AS participants
FROM country_facts
WHERE region IS NOT NULL
GROUP BY year, region
