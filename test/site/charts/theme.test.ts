import * as vega from "vega";
import { describe, expect, it } from "vitest";
import { axisFormat, isAmount, isNarrowRange, valueScale } from "../../../site/charts/theme.js";
import { vegaNumberLocale } from "../../../site/vega/number-locale.js";

/** The label Vega writes for `value` with an axis format, in a locale: what a reader sees on the axis. */
async function axisLabel(
  value: number,
  format: ReturnType<typeof axisFormat>,
  locale: string,
): Promise<string> {
  const view = new vega.View(
    vega.parse({
      config: { locale: { number: vegaNumberLocale(locale) } },
      signals: [
        {
          name: "label",
          update:
            "labelExpr" in format
              ? format.labelExpr.replaceAll("datum.value", String(value))
              : `format(${value}, '${format.format}')`,
        },
      ],
    } as vega.Spec),
    { renderer: "none" },
  );
  await view.runAsync();
  const label = view.signal("label") as string;
  view.finalize();
  return label;
}

describe("the chart theme", () => {
  it("writes money and counts on axes in each language's compact form, from Intl", async () => {
    expect(await axisLabel(4_500_000, axisFormat("usd", "en-US"), "en-US")).toBe("$4.5M");
    expect(await axisLabel(-1_250_000_000, axisFormat("usd", "en-US"), "en-US")).toBe("-$1.25B");
    expect(await axisLabel(0, axisFormat("usd", "en-US"), "en-US")).toBe("$0");
    expect(await axisLabel(4_500_000, axisFormat("usd", "es-ES"), "es-ES")).toBe("4,5\u00a0M\u00a0US$");
    expect(await axisLabel(4_500_000, axisFormat("usd", "fr"), "fr")).toBe("4,5\u00a0M\u00a0$US");
    expect(await axisLabel(4_500_000, axisFormat("usd", "ar"), "ar")).toBe("\u200f4.5\u00a0مليون\u00a0US$");
    expect(await axisLabel(12_000, axisFormat("count", "fr"), "fr")).toBe("12\u00a0k");
    expect(await axisLabel(750, axisFormat("count", "en-US"), "en-US")).toBe("750");
  });

  it("writes shares and indices with the locale's marks", async () => {
    expect(await axisLabel(0.5, axisFormat("share", "fr"), "fr")).toBe("50\u00a0%");
    expect(await axisLabel(0.5, axisFormat("share", "ar"), "ar")).toBe("50\u200e%\u200e");
    expect(await axisLabel(0.25, axisFormat("index", "es-ES"), "es-ES")).toBe("0,25");
    expect(await axisLabel(12.5, axisFormat("usd_per_editor", "en-US"), "en-US")).toBe("$12.5");
  });

  it("starts every scale at zero, shares from 0 to 100%", () => {
    expect(valueScale("share")).toEqual({ domain: [0, 1] });
    for (const unit of ["index", "nats", "usd", "count", "usd_per_editor", "per_1k_usd"] as const)
      expect(valueScale(unit)).toEqual({ zero: true });
  });

  it("calls figures narrow when their spread is under a twentieth of the largest", () => {
    expect(isNarrowRange([3.83, 3.85, 3.87])).toBe(true);
    expect(isNarrowRange([0.3, 0.5])).toBe(false);
    expect(isNarrowRange([3.12, 3.21, 3.34])).toBe(false);
    expect(isNarrowRange([3.85])).toBe(false);
    expect(isNarrowRange([2, 2])).toBe(false);
  });

  it("draws only additive amounts as bars", () => {
    expect(isAmount("usd")).toBe(true);
    expect(isAmount("count")).toBe(true);
    expect(isAmount("share")).toBe(false);
  });
});
