import type { IndicatorRow } from "../../functions/core/indicators/indicator-row.js";
import { cellOf } from "../figures/cell.js";
import { movementValue } from "../figures/lookup.js";
import { en } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import { regionName } from "../i18n/places.js";
import { buildChart, type ChartOf, describe } from "./chart.js";
import { axisName, multilineAxis } from "./spec-parts.js";
import { axisFormat, CONTRAST_COLOUR, SERIES_COLOUR } from "./theme.js";

/** One region's shares in the latest year beside the movement's, indicator by indicator, on a scale from 0 to 100%. */
export const regionSharesChart: ChartOf<"region-shares"> = (definition, sources, options) => {
  const messages = options.messages ?? en;
  const { region } = definition;
  const name = regionName(region, messages);
  const share = (value: number) => formatNumber(value, "share", messages);
  const indicators = sources.indicators.filter(
    (indicator) =>
      indicator.unit === "share" &&
      indicator.scopes.includes("region") &&
      indicator.scopes.includes("movement"),
  );
  const years = sources.rows
    .filter(
      (row) =>
        row.scope === "region" && row.scope_id === region && indicators.some((i) => i.id === row.indicator),
    )
    .map((row) => row.year);
  if (years.length === 0) return null;
  const year = Math.max(...years);
  const regionRow = (indicator: string): IndicatorRow | undefined =>
    sources.rows.find(
      (row) =>
        row.indicator === indicator && row.scope === "region" && row.scope_id === region && row.year === year,
    );
  const values = indicators.flatMap((indicator) => {
    const cell = cellOf(regionRow(indicator.id));
    const movement = movementValue(sources.rows, indicator.id, year);
    return [
      ...(cell.kind === "value"
        ? [
            {
              indicator: indicator.title,
              indicator_id: indicator.id,
              region_id: region,
              row: axisName(indicator.title, 30),
              who: name,
              value: cell.value,
              label: share(cell.value),
            },
          ]
        : []),
      ...(movement === null
        ? []
        : [
            {
              indicator: indicator.title,
              indicator_id: indicator.id,
              region_id: null,
              row: axisName(indicator.title, 30),
              who: messages.scopes.movement,
              value: movement,
              label: share(movement),
            },
          ]),
    ];
  });
  if (!values.some((v) => v.who === name)) return null;
  const withheld = indicators
    .filter((indicator) => cellOf(regionRow(indicator.id)).kind === "suppressed")
    .map((indicator) => indicator.title);
  const notes = withheld.length > 0 ? [messages.chartSuppressed(options.k, withheld)] : [];
  const title = messages.chartRegionSharesTitle(year);
  const description = describe(
    messages.describeRegionShares(
      name,
      year,
      indicators.flatMap((indicator) => {
        const mine = values.find((v) => v.indicator === indicator.title && v.who === name);
        const all = values.find((v) => v.indicator === indicator.title && v.who === messages.scopes.movement);
        return mine
          ? [messages.describeVersus(indicator.title, mine.label, all?.label ?? messages.noData)]
          : [];
      }),
    ),
    notes,
    messages,
  );
  const who = [name, messages.scopes.movement];
  return buildChart({
    definition,
    messages,
    text: { title, description },
    summary: [messages.summaryRegionShares],
    notes,
    values,
    table: {
      caption: `${name}${messages.colon}${title}`,
      columns: [
        { key: "indicator", label: messages.columnIndicator },
        { key: "who", label: messages.columnScope },
        { key: "value", label: messages.units.share, unit: "share" },
      ],
      rows: values.map(({ indicator, indicator_id, region_id, who, value }) => ({
        indicator,
        indicator_id,
        region_id,
        who,
        value,
      })),
    },
    evidence: { year, region },
    view: {
      width: 280,
      height: { step: 40 },
      mark: { type: "point", filled: true, size: 90 },
      encoding: {
        y: {
          field: "row",
          type: "nominal",
          title: null,
          sort: indicators.map((i) => axisName(i.title, 30)),
          axis: multilineAxis(220),
        },
        x: {
          field: "value",
          type: "quantitative",
          title: messages.units.share,
          scale: { domain: [0, 1] },
          axis: axisFormat("share", messages.numberLocale),
        },
        color: {
          field: "who",
          type: "nominal",
          title: null,
          scale: { domain: who, range: [SERIES_COLOUR, CONTRAST_COLOUR] },
        },
        shape: {
          field: "who",
          type: "nominal",
          title: null,
          scale: { domain: who, range: ["circle", "diamond"] },
        },
      },
    },
  });
};
