-- Impact metrics for a year: flows are summed over the year's periods; stocks take the value of the latest
-- period (an annual report counts as the latest) per hub, team, country, language and metric. Then summed.
WITH reported AS (
  SELECT
    i.year, i.hub_id, i.team_id, i.country, i.language, i.metric, i.value,
    COALESCE(i.quarter, 5) AS period_rank,
    i.metric IN ('active_editors', 'board_members', 'board_women', 'board_global_south') AS is_stock
  FROM impact i
  JOIN current_reports r ON r.report_id = i.report_id
),
resolved AS (
  SELECT year, hub_id, team_id, country, language, metric,
    CASE WHEN MAX(CASE WHEN is_stock THEN 1 ELSE 0 END) = 1
      THEN max_by(value, period_rank)
      ELSE SUM(value)
    END AS value
  FROM reported
  GROUP BY year, hub_id, team_id, country, language, metric
)
SELECT year, hub_id, country, language, metric, CAST(SUM(value) AS DOUBLE) AS value, COUNT(*) AS row_count
FROM resolved
GROUP BY year, hub_id, country, language, metric
