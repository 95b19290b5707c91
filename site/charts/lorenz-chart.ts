import { movementValue } from "../figures/lookup.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { buildChart, type ChartOf, describe, perYear } from "./chart.js";
import { REFERENCE_COLOUR, SERIES_COLOUR } from "./theme.js";

/**
 * The Lorenz curve of funding per editor across countries for the year the page shows, against the
 * line of equality, with that year's Gini (the definition's indicator) in the title. The curve is
 * published at fixed editor shares only (see `resampleLorenz`), so no single country's point can be
 * read off it.
 */
export const lorenzChart: ChartOf<"lorenz"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const years = [...new Set(sources.lorenz.map((point) => point.year))].sort((a, b) => a - b);
  const year = years.at(-1);
  if (year === undefined) return null;
  const share = (value: number) => formatNumber(value, "share", messages);
  const titles = perYear(years, (y) => {
    const gini = movementValue(sources.rows, definition.indicator, y);
    return messages.chartLorenzTitle(y, gini === null ? null : formatNumber(gini, "index", messages));
  });
  const values = sources.lorenz.map((point) => ({ ...point }));
  const descriptions = perYear(years, (y) => {
    const at = (x: number) =>
      sources.lorenz.find((point) => point.year === y && Math.abs(point.editor_share - x) < 1e-9)
        ?.funding_share;
    const half = at(0.5);
    const top = at(0.9);
    return describe(
      messages.describeLorenz(
        y,
        half === undefined ? "" : share(half),
        top === undefined ? "" : share(1 - top),
        titles[String(y)] ?? "",
      ),
      [],
      messages,
    );
  });
  const shareAxis = (field: string, title: string) =>
    ({
      field,
      type: "quantitative",
      title,
      scale: { domain: [0, 1] as number[] },
      axis: { format: ".0%", tickCount: 5 },
    }) as const;
  const x = shareAxis("editor_share", messages.axisEditorShare);
  const y = shareAxis("funding_share", messages.axisFundingShare);
  return buildChart({
    definition,
    messages,
    text: { year, titles, descriptions },
    summary: [messages.summaryLorenz],
    values,
    table: {
      caption: messages.lorenzCaption,
      columns: [
        { key: "year", label: messages.columnYear },
        { key: "editor_share", label: messages.axisEditorShare, unit: "share" },
        { key: "funding_share", label: messages.axisFundingShare, unit: "share" },
      ],
      rows: values,
    },
    evidence: { year },
    view: {
      width: 320,
      height: 320,
      layer: [
        {
          data: {
            values: [
              { editor_share: 0, funding_share: 0 },
              { editor_share: 1, funding_share: 1 },
            ],
          },
          mark: { type: "line", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { x, y },
        },
        {
          transform: [{ filter: "datum.year === year" }],
          mark: {
            type: "area",
            color: SERIES_COLOUR,
            opacity: 0.15,
            line: { color: SERIES_COLOUR, strokeWidth: 2.5 },
          },
          encoding: { x, y },
        },
      ],
    },
  });
};
