-- The vertices of the funding Lorenz curve, per year in which anything was deployed: over the countries with
-- active editors (E_c > 0, those of funding_gini) sorted by D_c / E_c ascending (ties by country code), the
-- cumulative share of editors and of deployed funds. The trapezoids under them give funding_gini exactly. The
-- dashboards publish the curve only resampled at fixed editor shares, never a country's own vertex.
SELECT
  year,
  row_number() OVER (PARTITION BY year ORDER BY deployed_usd / editors, country) AS vertex,
  SUM(editors) OVER (PARTITION BY year ORDER BY deployed_usd / editors, country) / total_editors AS editor_share,
  SUM(deployed_usd) OVER (PARTITION BY year ORDER BY deployed_usd / editors, country)
    / total_deployed_usd AS funding_share
FROM editor_countries
WHERE total_deployed_usd > 0
ORDER BY year, vertex
