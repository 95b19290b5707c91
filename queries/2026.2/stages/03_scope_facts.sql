-- Framework 2026.2: the base facts of every scope instance (see scope_members), per year: one row per year and
-- instance with any financial line or impact metric value. The indicators of 2026.2 read their figures and
-- their row existence from here. The sums are of hub_country_facts' exact DECIMALs, so they are exact too.
SELECT
  f.year,
  m.basis,
  m.scope,
  m.scope_id,
  SUM(f.financial_lines) AS financial_lines,
  SUM(f.deployed_usd) AS deployed_usd,
  SUM(f.south_deployed_usd) AS south_deployed_usd,
  SUM(f.raised_usd) AS raised_usd,
  SUM(f.grant_usd) AS grant_usd,
  SUM(f.underrepresented_grant_usd) AS underrepresented_grant_usd,
  SUM(f.hub_revenue_usd) AS hub_revenue_usd,
  SUM(f.local_revenue_usd) AS local_revenue_usd,
  SUM(f.hub_revenue_lines) AS hub_revenue_lines,
  SUM(f.impact_values) AS impact_values,
  SUM(f.editors) AS editors,
  SUM(f.participants) AS participants,
  SUM(f.new_participants) AS new_participants,
  SUM(f.women) AS women,
  SUM(f.men) AS men,
  SUM(f.nonbinary) AS nonbinary,
  SUM(f.content_created) AS content_created,
  SUM(f.board_members) AS board_members,
  SUM(f.board_women) AS board_women,
  SUM(f.board_global_south) AS board_global_south,
  SUM(f.board_values) AS board_values
FROM hub_country_facts f
JOIN scope_members m ON m.hub_id = f.hub_id AND m.country = f.country
GROUP BY f.year, m.basis, m.scope, m.scope_id
