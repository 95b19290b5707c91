-- The reporting grid: the staged reporting status of every hub that is not global and is active in a year of
-- the current reports (see stages/10_reporting_status.sql), in a stable order.
SELECT year, hub_id, financial, impact, status
FROM reporting_status
ORDER BY year, hub_id
