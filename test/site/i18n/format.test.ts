import { describe, expect, it } from "vitest";
import { cellOf } from "../../../site/figures/cell.js";
import { ar } from "../../../site/i18n/ar.js";
import { CATALOGUES } from "../../../site/i18n/catalogue.js";
import { es } from "../../../site/i18n/es.js";
import {
  formatCell,
  formatChange,
  formatGap,
  formatInteger,
  formatList,
  formatNumber,
  formatTimestamp,
} from "../../../site/i18n/format.js";
import { fr } from "../../../site/i18n/fr.js";
import { plural } from "../../../site/i18n/plural.js";
import { indicatorRow } from "../fixtures/indicator-rows.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const LRM = "\u200e";
const RLM = "\u200f";

describe("formatNumber", () => {
  it("writes money in whole dollars, never abbreviated, so a column never mixes $454,075 with $4.4M", () => {
    expect(formatNumber(454_075, "usd")).toBe("$454,075");
    expect(formatNumber(4_412_345.6, "usd")).toBe("$4,412,346");
    expect(formatNumber(2_500_000_000, "usd")).toBe("$2,500,000,000");
    expect(formatNumber(0, "usd")).toBe("$0");
  });

  it("keeps one precision per unit", () => {
    expect(formatNumber(45.271, "usd_per_editor")).toBe("$45.27");
    expect(formatNumber(455.8, "usd_per_editor")).toBe("$455.80");
    expect(formatNumber(0.413, "share")).toBe("41.3%");
    expect(formatNumber(0.4621, "index")).toBe("0.462");
    expect(formatNumber(12_345, "count")).toBe("12,345");
    expect(formatNumber(3.416, "per_1k_usd")).toBe("3.42");
    expect(formatNumber(3.341, "nats")).toBe("3.34");
  });

  it("takes Intl's sign for negative figures, and none for a figure that rounds to zero", () => {
    expect(formatNumber(-104_300_000, "usd")).toBe("-$104,300,000");
    expect(formatNumber(-0.00001, "share")).toBe("0.0%");
  });

  it("writes each language's separators, currency and percent sign, from Intl", () => {
    expect(formatNumber(454_075, "usd", es)).toBe(`454.075${NBSP}US$`);
    expect(formatNumber(454_075, "usd", fr)).toBe(`454${NNBSP}075${NBSP}$US`);
    expect(formatNumber(0.4123, "share", es)).toBe(`41,2${NBSP}%`);
    expect(formatNumber(0.4123, "share", fr)).toBe(`41,2${NBSP}%`);
    expect(formatNumber(45.271, "usd_per_editor", fr)).toBe(`45,27${NBSP}$US`);
    expect(formatInteger(12_345, fr)).toBe(`12${NNBSP}345`);
  });

  it("writes Arabic with CLDR's default digits for ar (Western) and its own signs", () => {
    expect(new Intl.NumberFormat(ar.numberLocale).resolvedOptions().numberingSystem).toBe("latn");
    expect(formatNumber(454_075, "usd", ar)).toBe(`${RLM}454,075${NBSP}US$`);
    expect(formatNumber(-104_300_000, "usd", ar)).toBe(`${RLM}${LRM}-104,300,000${NBSP}US$`);
    expect(formatNumber(0.4123, "share", ar)).toBe(`41.2${LRM}%${LRM}`);
  });
});

describe("cells", () => {
  it("says why a figure is missing, in words, never 0", () => {
    const suppressed = cellOf(indicatorRow("participants", 2025, "region", "South Asia", "suppressed"));
    const noValue = cellOf(indicatorRow("local_revenue_share", 2025, "region", "South Asia", null));
    expect(formatCell(suppressed, "count")).toBe("suppressed");
    expect(formatCell(noValue, "share")).toBe("no value");
    expect(formatCell(cellOf(undefined), "share")).toBe("no data");
    expect(formatCell(suppressed, "count", fr)).toBe("masqué");
  });

  it("never shows the value of a row marked suppressed, even if upstream left one", () => {
    const leaky = { ...indicatorRow("participants", 2025, "region", "South Asia", 7), suppressed: true };
    expect(formatCell(cellOf(leaky), "count")).toBe("suppressed");
  });
});

describe("formatChange", () => {
  it("gives shares in percentage points, money relative, indices as a difference", () => {
    expect(formatChange(0.412, 0.396, "share")).toEqual({ trend: "up", magnitude: "1.6 pp" });
    expect(formatChange(47_900_000, 44_800_000, "usd")).toEqual({ trend: "up", magnitude: "6.9%" });
    expect(formatChange(0.581, 0.598, "index")).toEqual({ trend: "down", magnitude: "0.017" });
    expect(formatChange(47_900_000, 44_800_000, "usd", fr)).toEqual({
      trend: "up",
      magnitude: `6,9${NBSP}%`,
    });
    expect(formatChange(0.412, 0.396, "share", fr)).toEqual({ trend: "up", magnitude: `1,6${NBSP}pt` });
  });

  it("calls a change that rounds to nothing unchanged", () => {
    expect(formatChange(0.313, 0.313, "index")).toEqual({ trend: "unchanged" });
    expect(formatChange(0.41, 0.41001, "share")).toEqual({ trend: "unchanged" });
    expect(formatChange(0.41, 0.41001, "share", ar)).toEqual({ trend: "unchanged" });
  });

  it("falls back to the difference when the previous figure is 0", () => {
    expect(formatChange(1_500_000, 0, "usd")).toEqual({ trend: "up", magnitude: "$1,500,000" });
  });
});

describe("plural", () => {
  it("chooses each language's form with Intl.PluralRules", () => {
    const forms = { zero: "z", one: "o", two: "t", few: "f", many: "m", other: "x" };
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(n, "en", forms))).toEqual(["x", "o", "x", "x", "x", "x"]);
    expect([0, 1, 2, 1_000_000].map((n) => plural(n, "fr", forms))).toEqual(["o", "o", "x", "m"]);
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(n, "ar", forms))).toEqual(["z", "o", "t", "f", "m", "x"]);
    expect(plural(2, "ar", { other: "x" })).toBe("x");
  });

  it("agrees counted words in every catalogue", () => {
    expect(CATALOGUES.en.earlierVersions(1)).toBe("1 earlier version");
    expect(CATALOGUES.fr.earlierVersions(0)).toBe("0 version antérieure");
    expect(CATALOGUES.fr.reportsCount(2)).toBe(`2 rapports${NBSP}: afficher la liste`);
    expect(CATALOGUES.es.reportsCount(1)).toBe("1 informe: ver la lista");
    expect([0, 1, 2, 3, 11, 100].map((n) => CATALOGUES.ar.earlierVersions(n))).toEqual([
      "لا إصدارات سابقة",
      "إصدار سابق واحد",
      "إصداران سابقان",
      "3 إصدارات سابقة",
      "11 إصدارًا سابقًا",
      "100 إصدار سابق",
    ]);
  });
});

describe("formatList", () => {
  it("joins items as each language lists them", () => {
    expect(formatList(["Movement", "Region", "Hub"])).toBe("Movement, Region, and Hub");
    expect(formatList(["Mouvement", "Région", "Pays"], fr)).toBe("Mouvement, Région et Pays");
    expect(formatList(["الحركة", "المنطقة"], ar)).toBe("الحركة والمنطقة");
  });
});

describe("formatGap", () => {
  it("says a share's distance to its target in percentage points, anything else in its unit, unsigned", () => {
    expect(formatGap(0.088, "share")).toBe("8.8 pp");
    expect(formatGap(-0.088, "share")).toBe("8.8 pp");
    expect(formatGap(0.0875, "share", es)).toBe("8,8 p. p.");
    expect(formatGap(-1234.4, "usd")).toBe("$1,234");
    expect(formatGap(0.019, "index")).toBe("0.019");
  });
});

describe("formatTimestamp", () => {
  it("writes the time in UTC, and leaves text that is not a time as it is", () => {
    expect(formatTimestamp("2026-03-02T09:30:00.000Z")).toBe("2 March 2026, 09:30 UTC");
    expect(formatTimestamp("2026-03-02T09:30:00.000Z", fr)).toBe("2 mars 2026, 09:30 UTC");
    expect(formatTimestamp("yesterday")).toBe("yesterday");
  });
});
