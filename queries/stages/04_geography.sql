-- Each country's Wikimedia region (null for Antarctica), Global South flag and protection status.
SELECT
  c.iso_code AS country,
  NULLIF(c.wikimedia_region, '') AS region,
  c.economic_region = 'Global South' AS south,
  c.is_protected = 'True' AS is_protected
FROM countries c
