-- Redistribution scenarios: the scenario's change to what each hub deployed in each country: what it receives
-- there less what its contribution takes out of there.
SELECT year, hub_id, country, SUM(amount_usd) AS amount_usd
FROM (
  SELECT year, hub_id, country, received_usd AS amount_usd FROM scenario_receipts
  UNION ALL
  SELECT year, hub_id, country, 0 - withdrawn_usd AS amount_usd FROM scenario_withdrawals
) moves
GROUP BY year, hub_id, country
