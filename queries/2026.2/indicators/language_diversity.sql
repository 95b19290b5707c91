-- language_diversity (2026.2): Shannon entropy −Σ_l p_l ln p_l of content_created by language (content without a
-- language is left out); movement, region (lines), hub and country. A row where the instance has any impact metric
-- value or financial line; null where none of its content has a language. The content is summed exactly (stage
-- scope_languages) and the terms as exact DECIMALs (to 10^-30), so the figure does not depend on the order in which
-- the engine adds them up.
WITH shares AS (
  SELECT
    year,
    basis,
    scope_id,
    CAST(content AS DOUBLE) / CAST(SUM(content) OVER (PARTITION BY year, basis, scope_id) AS DOUBLE) AS share
  FROM scope_languages
  WHERE basis IN ('movement', 'lines', 'hub', 'country')
),
entropy AS (
  SELECT
    year,
    basis,
    scope_id,
    -CAST(SUM(CAST(CASE WHEN share > 0 THEN share * ln(share) ELSE 0.0 END AS DECIMAL(38, 30))) AS DOUBLE) AS value
  FROM shares
  GROUP BY year, basis, scope_id
)
SELECT f.year, f.scope, f.scope_id, e.value
FROM scope_facts f
LEFT JOIN entropy e ON e.year = f.year AND e.basis = f.basis AND e.scope_id = f.scope_id
WHERE f.basis IN ('movement', 'lines', 'hub', 'country') AND f.impact_values + f.financial_lines > 0
