import { describe, expect, it } from "vitest";
import { ruleCatalogue } from "../../../functions/core/reporting/rule-catalogue.js";
import { CATALOGUES, type Language } from "../../../site/i18n/catalogue.js";
import { rulesPage } from "../../../site/pages/rules-page.js";
import { contentContext } from "../fixtures/content.js";

describe("rulesPage", () => {
  it.each(Object.keys(CATALOGUES) as Language[])(
    "lists every rule in %s with its id as anchor, severity, explanation and example",
    (lang) => {
      const page = rulesPage(contentContext({ languages: [lang] }));
      const markup = page.main.markup;
      expect(page.file).toBe("rules.html");
      for (const rule of ruleCatalogue()) {
        const row = markup.split(`<tr id="${rule.id}">`)[1]?.split("</tr>")[0] ?? "";
        expect(row, rule.id).toContain(`<a href="#${rule.id}" lang="en"><code>${rule.id}</code></a>`);
        expect(row, rule.id).toContain(
          rule.severity === "error" ? CATALOGUES[lang].check.error : CATALOGUES[lang].check.warning,
        );
        expect(row, rule.id).toContain('<td lang="en">');
      }
      expect(markup.match(/<tr id="/g)).toHaveLength(ruleCatalogue().length);
    },
  );

  it("shows a CSV example's text and a workbook example's first sheet", () => {
    const markup = rulesPage(contentContext({})).main.markup;
    const decimalComma = markup.split('<tr id="decimalComma">')[1]?.split("</tr>")[0] ?? "";
    expect(decimalComma).toMatch(/<pre lang="en"><code>hub_id,period,flow/);
  });
});
