-- The years for which each currency has an exchange rate (what validating a hub report needs to know of the
-- rates; the rates themselves are not published).
SELECT currency, year
FROM exchange_rates
ORDER BY currency, year
