-- Framework 2026.2: the scope instances that the values of a hub in a country count in. `basis` says how:
-- movement; lines (region of the value's own country); seat (region of the hub's seat); hub; country.
-- Disclosure control: no country instance for a protected country, and no hub or seat-region instance for a hub
-- seated in one (such a hub still counts in the movement and, through its values' countries, in region lines
-- figures). A country or seat the country table does not know is treated as protected: nothing is published.
WITH pairs AS (
  SELECT DISTINCT hub_id, country FROM hub_country_facts
),
placed AS (
  SELECT
    p.hub_id,
    p.country,
    own.region AS line_region,
    own.is_protected AS country_protected,
    seat.region AS seat_region,
    seat.is_protected AS seat_protected
  FROM pairs p
  LEFT JOIN geography own ON own.country = p.country
  LEFT JOIN hub_registry h ON h.hub_id = p.hub_id
  LEFT JOIN geography seat ON seat.country = h.country
)
SELECT hub_id, country, 'movement' AS basis, 'movement' AS scope, 'movement' AS scope_id FROM placed
UNION ALL
SELECT hub_id, country, 'lines' AS basis, 'region' AS scope, line_region AS scope_id
FROM placed WHERE line_region IS NOT NULL
UNION ALL
SELECT hub_id, country, 'seat' AS basis, 'region' AS scope, seat_region AS scope_id
FROM placed WHERE seat_region IS NOT NULL AND seat_protected = FALSE
UNION ALL
SELECT hub_id, country, 'hub' AS basis, 'hub' AS scope, hub_id AS scope_id
FROM placed WHERE seat_protected = FALSE
UNION ALL
SELECT hub_id, country, 'country' AS basis, 'country' AS scope, country AS scope_id
FROM placed WHERE country_protected = FALSE
