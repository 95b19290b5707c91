-- One row per year and country with any financial or impact data: the base facts the indicators read.
WITH money AS (
  SELECT
    year,
    country,
    SUM(CASE WHEN flow = 'expense' OR category IN ('team_grant', 'individual_grant') THEN amount_usd ELSE 0 END) AS deployed_usd,
    SUM(CASE WHEN flow = 'expense' OR category IN ('team_grant', 'individual_grant') THEN line_count ELSE 0 END) AS deployed_lines,
    SUM(CASE WHEN category IN ('online_fundraising', 'local_fundraising', 'earned_income', 'external_grant') THEN amount_usd ELSE 0 END) AS raised_usd,
    SUM(CASE WHEN category IN ('online_fundraising', 'local_fundraising', 'earned_income', 'external_grant') THEN line_count ELSE 0 END) AS raised_lines,
    SUM(CASE WHEN category IN ('team_grant', 'individual_grant') THEN amount_usd ELSE 0 END) AS grant_usd,
    SUM(CASE WHEN category IN ('team_grant', 'individual_grant') AND underrepresented_focus THEN amount_usd ELSE 0 END) AS underrepresented_grant_usd,
    SUM(CASE WHEN category IN ('team_grant', 'individual_grant') THEN line_count ELSE 0 END) AS grant_lines,
    SUM(CASE WHEN flow = 'revenue' AND COALESCE(hub_kind, '') <> 'global' THEN amount_usd ELSE 0 END) AS hub_revenue_usd,
    SUM(CASE WHEN flow = 'revenue' AND COALESCE(hub_kind, '') <> 'global' AND category IN ('local_fundraising', 'earned_income', 'external_grant') THEN amount_usd ELSE 0 END) AS local_revenue_usd,
    SUM(CASE WHEN flow = 'revenue' AND COALESCE(hub_kind, '') <> 'global' THEN line_count ELSE 0 END) AS hub_revenue_lines
  FROM financial_facts
  GROUP BY year, country
),
outcomes AS (
  SELECT
    year,
    country,
    SUM(CASE WHEN metric = 'active_editors' THEN value ELSE 0 END) AS editors,
    SUM(CASE WHEN metric = 'active_editors' THEN row_count ELSE 0 END) AS editor_rows,
    SUM(CASE WHEN metric = 'participants' THEN value ELSE 0 END) AS participants,
    SUM(CASE WHEN metric = 'participants' THEN row_count ELSE 0 END) AS participant_rows,
    SUM(CASE WHEN metric = 'new_participants' THEN value ELSE 0 END) AS new_participants,
    SUM(CASE WHEN metric = 'new_participants' THEN row_count ELSE 0 END) AS new_participant_rows,
    SUM(CASE WHEN metric = 'participants_women' THEN value ELSE 0 END) AS women,
    SUM(CASE WHEN metric = 'participants_men' THEN value ELSE 0 END) AS men,
    SUM(CASE WHEN metric = 'participants_nonbinary' THEN value ELSE 0 END) AS nonbinary,
    SUM(CASE WHEN metric IN ('participants_women', 'participants_men', 'participants_nonbinary') THEN row_count ELSE 0 END) AS gender_rows,
    SUM(CASE WHEN metric = 'content_created' THEN value ELSE 0 END) AS content_created,
    SUM(CASE WHEN metric = 'content_created' THEN row_count ELSE 0 END) AS content_rows
  FROM impact_facts
  GROUP BY year, country
),
keys AS (
  SELECT year, country FROM money
  UNION
  SELECT year, country FROM outcomes
)
SELECT
  k.year,
  k.country,
  g.region,
  COALESCE(g.south, FALSE) AS south,
  COALESCE(m.deployed_usd, 0) AS deployed_usd,
  COALESCE(m.deployed_lines, 0) AS deployed_lines,
  COALESCE(m.raised_usd, 0) AS raised_usd,
  COALESCE(m.raised_lines, 0) AS raised_lines,
  COALESCE(m.grant_usd, 0) AS grant_usd,
  COALESCE(m.underrepresented_grant_usd, 0) AS underrepresented_grant_usd,
  COALESCE(m.grant_lines, 0) AS grant_lines,
  COALESCE(m.hub_revenue_usd, 0) AS hub_revenue_usd,
  COALESCE(m.local_revenue_usd, 0) AS local_revenue_usd,
  COALESCE(m.hub_revenue_lines, 0) AS hub_revenue_lines,
  COALESCE(o.editors, 0) AS editors,
  COALESCE(o.editor_rows, 0) AS editor_rows,
  COALESCE(o.participants, 0) AS participants,
  COALESCE(o.participant_rows, 0) AS participant_rows,
  COALESCE(o.new_participants, 0) AS new_participants,
  COALESCE(o.new_participant_rows, 0) AS new_participant_rows,
  COALESCE(o.women, 0) AS women,
  COALESCE(o.men, 0) AS men,
  COALESCE(o.nonbinary, 0) AS nonbinary,
  COALESCE(o.gender_rows, 0) AS gender_rows,
  COALESCE(o.content_created, 0) AS content_created,
  COALESCE(o.content_rows, 0) AS content_rows
FROM keys k
LEFT JOIN money m ON m.year = k.year AND m.country = k.country
LEFT JOIN outcomes o ON o.year = k.year AND o.country = k.country
LEFT JOIN geography g ON g.country = k.country
