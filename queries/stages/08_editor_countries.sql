-- The countries that enter the inequality indices: those with active editors (E_c > 0), with their deployed
-- funds D_c (0 if none) and the year's totals over them (Σ D summed exactly, as DECIMAL, then made a DOUBLE).
SELECT
  c.year,
  c.country,
  c.region,
  CAST(c.deployed_usd AS DOUBLE) AS deployed_usd,
  CAST(c.editors AS DOUBLE) AS editors,
  CAST(SUM(c.deployed_usd) OVER (PARTITION BY c.year) AS DOUBLE) AS total_deployed_usd,
  SUM(CAST(c.editors AS DOUBLE)) OVER (PARTITION BY c.year) AS total_editors
FROM country_facts c
WHERE c.editors > 0
