import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { compactLabelExpr, compactSteps, vegaNumberLocale } from "../../../site/vega/number-locale.js";

describe("vegaNumberLocale", () => {
  it("takes every language's marks from Intl", () => {
    expect(vegaNumberLocale(CATALOGUES.en.numberLocale)).toMatchObject({
      decimal: ".",
      thousands: ",",
      currency: ["$", ""],
    });
    expect(vegaNumberLocale(CATALOGUES.es.numberLocale)).toMatchObject({
      decimal: ",",
      thousands: ".",
      currency: ["", "\u00a0US$"],
      percent: "\u00a0%",
    });
    expect(vegaNumberLocale(CATALOGUES.fr.numberLocale)).toMatchObject({
      decimal: ",",
      thousands: "\u202f",
      currency: ["", "\u00a0$US"],
    });
    expect(vegaNumberLocale(CATALOGUES.ar.numberLocale)).toMatchObject({
      decimal: ".",
      thousands: ",",
      currency: ["\u200f", "\u00a0US$"],
      percent: "\u200e%\u200e",
      minus: "\u200e-",
    });
    for (const messages of Object.values(CATALOGUES))
      expect(vegaNumberLocale(messages.numberLocale).numerals).toBeUndefined();
  });

  it("would carry other digits and groupings where a locale has them", () => {
    expect(vegaNumberLocale("ar-EG").numerals).toEqual(["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"]);
    expect(vegaNumberLocale("hi-IN").grouping).toEqual([3, 2]);
  });
});

describe("compact axis labels", () => {
  it("follow Intl's compact words, thresholds and divisors", () => {
    const steps = (locale: string) =>
      compactSteps(locale, true).map((step) => [step.threshold, step.divisor, step.positive.suffix]);
    expect(steps("es")).toEqual([
      [1e12, 1e12, "\u00a0B\u00a0US$"],
      [1e6, 1e6, "\u00a0M\u00a0US$"],
      [1e3, 1e3, "\u00a0mil\u00a0US$"],
      [1, 1, "\u00a0US$"],
    ]);
    expect(steps("ar")[2]).toEqual([1e6, 1e6, "\u00a0مليون\u00a0US$"]);
  });

  it("are a Vega expression of standard functions only, which vega-interpreter evaluates under the CSP", () => {
    const expression = compactLabelExpr("fr", true);
    const calls = new Set([...expression.matchAll(/([a-z]+)\(/gi)].map((match) => match[1]));
    expect(calls).toEqual(new Set(["abs", "format"]));
  });
});
