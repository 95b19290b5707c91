/**
 * The dashboards' only script, loaded as `site.js` by every page. Pages are complete without it:
 * each chart is already there as SVG with its data table. The script adds the page's filters (year,
 * region, hub), keeps them in the URL so a view can be shared, and redraws the charts that follow
 * them with Vega in the browser. Vega's expressions run in vega-interpreter, so the Content
 * Security Policy needs no `unsafe-eval`. Vega is a separate chunk, loaded only when a page has a
 * chart to draw, so the evidence page's filters cost a few KiB.
 */
import type { Spec, View } from "vega";

/** The filters a page can have, as they appear in its URL. */
const FILTER_NAMES = ["year", "region", "hub"] as const;
type FilterName = (typeof FILTER_NAMES)[number];
type Filters = Partial<Record<FilterName, string>>;

/** The data file of a chart that follows filters. */
interface ChartData {
  readonly title: string;
  readonly values: readonly Record<string, unknown>[];
  readonly descriptions: Readonly<Record<string, string>>;
}

interface LiveChart {
  readonly figure: HTMLElement;
  readonly view: View;
  readonly data: ChartData;
  readonly filters: readonly string[];
  readonly description: HTMLElement;
}

let vegaRuntime: Promise<typeof import("vega") & typeof import("vega-interpreter")> | undefined;

function loadVega() {
  vegaRuntime ??= Promise.all([import("vega"), import("vega-interpreter")]).then(([vega, interpreter]) => ({
    ...vega,
    ...interpreter,
  }));
  return vegaRuntime;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function filterForm(): HTMLFormElement | null {
  return document.querySelector<HTMLFormElement>("form.filters");
}

function selectOf(form: HTMLFormElement, name: FilterName): HTMLSelectElement | null {
  return form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
}

/** The filters as the form shows them; a value the URL gave that the form does not offer is ignored. */
function currentFilters(form: HTMLFormElement): Filters {
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const select = selectOf(form, name);
    if (select) filters[name] = select.value;
  }
  return filters;
}

function applyUrlToForm(form: HTMLFormElement): void {
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTER_NAMES) {
    const select = selectOf(form, name);
    const wanted = params.get(name);
    if (select && wanted !== null && [...select.options].some((option) => option.value === wanted)) {
      select.value = wanted;
    }
  }
}

function writeUrl(filters: Filters): void {
  const url = new URL(window.location.href);
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, "", url);
}

async function mount(figure: HTMLElement): Promise<LiveChart> {
  const specUrl = figure.dataset.spec;
  const valuesUrl = figure.dataset.values;
  if (!specUrl || !valuesUrl) throw new Error(`chart ${figure.id} names no spec or data`);
  const [spec, data, vega] = await Promise.all([
    fetchJson<Spec>(specUrl),
    fetchJson<ChartData>(valuesUrl),
    loadVega(),
  ]);
  const frame = figure.querySelector<HTMLElement>(".chart-frame");
  if (!frame) throw new Error(`chart ${figure.id} has no frame`);
  const live = document.createElement("div");
  live.className = "chart-live";
  live.setAttribute("role", "img");
  live.setAttribute("aria-label", data.title);
  const description = document.createElement("p");
  description.className = "visually-hidden";
  description.id = `${figure.id}-description`;
  live.setAttribute("aria-describedby", description.id);
  const view = new vega.View(vega.parse(spec, undefined, { ast: true }), {
    expr: vega.expressionInterpreter,
    renderer: "svg",
    container: live,
    hover: false,
  });
  view.data("table", [...data.values]);
  await view.runAsync();
  description.textContent = frame.querySelector("desc")?.textContent ?? "";
  frame.replaceChildren(live, description);
  hideInnerSvg(figure);
  figure.classList.add("is-live");
  return { figure, view, data, filters: (figure.dataset.filters ?? "").split(" "), description };
}

async function update(chart: LiveChart, filters: Filters): Promise<void> {
  const year = filters.year;
  if (chart.filters.includes("year") && year && chart.data.descriptions[year] !== undefined) {
    chart.view.signal("year", Number(year));
    chart.description.textContent = chart.data.descriptions[year] ?? "";
  } else if (chart.filters.includes("year")) {
    chart.description.textContent = chart.data.descriptions[String(chart.view.signal("year"))] ?? "";
  }
  if (chart.filters.includes("region")) chart.view.signal("region", filters.region ?? "");
  await chart.view.runAsync();
  hideInnerSvg(chart.figure);
}

/** The live chart's container is the image (`role="img"`, labelled and described); the SVG inside it is not read. */
function hideInnerSvg(figure: HTMLElement): void {
  figure.querySelector(".chart-live svg")?.setAttribute("aria-hidden", "true");
}

/** Rows and sections that carry `data-year`, `data-regions`/`data-region` or `data-hub` show only when they match. */
function filterMarkup(filters: Filters): void {
  let visible = 0;
  for (const row of document.querySelectorAll<HTMLElement>(".evidence-table tr[data-year]")) {
    const regions = (row.dataset.regions ?? "").split("|");
    const show =
      (!filters.year || row.dataset.year === filters.year) &&
      (!filters.region || regions.includes(filters.region)) &&
      (!filters.hub || row.dataset.hub === filters.hub);
    row.hidden = !show;
    if (show) visible += 1;
  }
  for (const section of document.querySelectorAll<HTMLElement>("section.evidence-year")) {
    section.hidden = ![...section.querySelectorAll<HTMLElement>("tr[data-year]")].some((row) => !row.hidden);
  }
  const empty = document.getElementById("evidence-empty");
  if (empty) empty.hidden = visible > 0 || document.querySelector(".evidence-table") === null;
  for (const row of document.querySelectorAll<HTMLElement>("table.figures tr[data-region]")) {
    row.classList.toggle(
      "picked",
      filters.region !== undefined && filters.region !== "" && row.dataset.region === filters.region,
    );
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a.evidence-link")) {
    const url = new URL(link.href);
    if (filters.year) {
      url.searchParams.set("year", filters.year);
      url.hash = `year-${filters.year}`;
    }
    if (filters.region) url.searchParams.set("region", filters.region);
    else url.searchParams.delete("region");
    link.href = url.toString();
  }
}

async function start(): Promise<void> {
  const form = filterForm();
  const figures = [...document.querySelectorAll<HTMLElement>("figure[data-chart]")];
  const charts = await Promise.all(figures.map(mount));
  if (!form) return;
  applyUrlToForm(form);
  form.hidden = false;
  const apply = async () => {
    const filters = currentFilters(form);
    filterMarkup(filters);
    await Promise.all(charts.map((chart) => update(chart, filters)));
  };
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", () => {
    writeUrl(currentFilters(form));
    apply().catch(report);
  });
  await apply();
}

function report(error: unknown): void {
  console.error("Equity Observatory:", error);
}

start()
  .then(() => {
    document.documentElement.dataset.ready = "true";
  })
  .catch((error: unknown) => {
    document.documentElement.dataset.ready = "error";
    report(error);
  });
