-- Framework 2026.2: the base facts per year, hub and country, summed from the shared financial and impact facts
-- (no second scan of the lines). Every scope of 2026.2 (movement, region by lines or by seat, hub, country) is a
-- sum of these rows. One row per year, hub and country with any current financial line or impact metric value.
-- Money stays the exact DECIMAL of financial_facts and metric values (integers) are summed as exact DECIMALs, so
-- the sums do not depend on the order in which the engine adds them up; the indicators cast them to DOUBLE once.
WITH money AS (
  SELECT
    f.year,
    f.hub_id,
    f.country,
    SUM(f.line_count) AS financial_lines,
    SUM(CASE WHEN f.flow = 'expense' OR f.category IN ('team_grant', 'individual_grant') THEN f.amount_usd ELSE 0 END) AS deployed_usd,
    SUM(CASE WHEN (f.flow = 'expense' OR f.category IN ('team_grant', 'individual_grant')) AND g.south THEN f.amount_usd ELSE 0 END) AS south_deployed_usd,
    SUM(CASE WHEN f.category IN ('online_fundraising', 'local_fundraising', 'earned_income', 'external_grant') THEN f.amount_usd ELSE 0 END) AS raised_usd,
    SUM(CASE WHEN f.category IN ('team_grant', 'individual_grant') THEN f.amount_usd ELSE 0 END) AS grant_usd,
    SUM(CASE WHEN f.category IN ('team_grant', 'individual_grant') AND f.underrepresented_focus THEN f.amount_usd ELSE 0 END) AS underrepresented_grant_usd,
    SUM(CASE WHEN f.flow = 'revenue' AND COALESCE(f.hub_kind, '') <> 'global' THEN f.amount_usd ELSE 0 END) AS hub_revenue_usd,
    SUM(CASE WHEN f.flow = 'revenue' AND COALESCE(f.hub_kind, '') <> 'global' AND f.category IN ('local_fundraising', 'earned_income', 'external_grant') THEN f.amount_usd ELSE 0 END) AS local_revenue_usd,
    SUM(CASE WHEN f.flow = 'revenue' AND COALESCE(f.hub_kind, '') <> 'global' THEN f.line_count ELSE 0 END) AS hub_revenue_lines
  FROM financial_facts f
  LEFT JOIN geography g ON g.country = f.country
  GROUP BY f.year, f.hub_id, f.country
),
exact_impact AS (
  SELECT year, hub_id, country, metric, row_count, CAST(value AS DECIMAL(38, 0)) AS value
  FROM impact_facts
),
outcomes AS (
  SELECT
    year,
    hub_id,
    country,
    SUM(row_count) AS impact_values,
    SUM(CASE WHEN metric = 'active_editors' THEN value ELSE 0 END) AS editors,
    SUM(CASE WHEN metric = 'participants' THEN value ELSE 0 END) AS participants,
    SUM(CASE WHEN metric = 'new_participants' THEN value ELSE 0 END) AS new_participants,
    SUM(CASE WHEN metric = 'participants_women' THEN value ELSE 0 END) AS women,
    SUM(CASE WHEN metric = 'participants_men' THEN value ELSE 0 END) AS men,
    SUM(CASE WHEN metric = 'participants_nonbinary' THEN value ELSE 0 END) AS nonbinary,
    SUM(CASE WHEN metric = 'content_created' THEN value ELSE 0 END) AS content_created,
    SUM(CASE WHEN metric = 'board_members' THEN value ELSE 0 END) AS board_members,
    SUM(CASE WHEN metric = 'board_women' THEN value ELSE 0 END) AS board_women,
    SUM(CASE WHEN metric = 'board_global_south' THEN value ELSE 0 END) AS board_global_south,
    SUM(CASE WHEN metric IN ('board_members', 'board_women', 'board_global_south') THEN row_count ELSE 0 END) AS board_values
  FROM exact_impact
  GROUP BY year, hub_id, country
),
keys AS (
  SELECT year, hub_id, country FROM money
  UNION
  SELECT year, hub_id, country FROM outcomes
)
SELECT
  k.year,
  k.hub_id,
  k.country,
  COALESCE(m.financial_lines, 0) AS financial_lines,
  COALESCE(m.deployed_usd, 0) AS deployed_usd,
  COALESCE(m.south_deployed_usd, 0) AS south_deployed_usd,
  COALESCE(m.raised_usd, 0) AS raised_usd,
  COALESCE(m.grant_usd, 0) AS grant_usd,
  COALESCE(m.underrepresented_grant_usd, 0) AS underrepresented_grant_usd,
  COALESCE(m.hub_revenue_usd, 0) AS hub_revenue_usd,
  COALESCE(m.local_revenue_usd, 0) AS local_revenue_usd,
  COALESCE(m.hub_revenue_lines, 0) AS hub_revenue_lines,
  COALESCE(o.impact_values, 0) AS impact_values,
  COALESCE(o.editors, 0) AS editors,
  COALESCE(o.participants, 0) AS participants,
  COALESCE(o.new_participants, 0) AS new_participants,
  COALESCE(o.women, 0) AS women,
  COALESCE(o.men, 0) AS men,
  COALESCE(o.nonbinary, 0) AS nonbinary,
  COALESCE(o.content_created, 0) AS content_created,
  COALESCE(o.board_members, 0) AS board_members,
  COALESCE(o.board_women, 0) AS board_women,
  COALESCE(o.board_global_south, 0) AS board_global_south,
  COALESCE(o.board_values, 0) AS board_values
FROM keys k
LEFT JOIN money m ON m.year = k.year AND m.hub_id = k.hub_id AND m.country = k.country
LEFT JOIN outcomes o ON o.year = k.year AND o.hub_id = k.hub_id AND o.country = k.country
