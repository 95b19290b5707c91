/**
 * The dashboards' only script, loaded as `site.js` by the pages that need it. Pages are complete without
 * it: each chart is already there as SVG with its data table, and each table in a sensible order. The
 * script adds the page's filters (year, region, hub, and on the evidence page the figures whose reports
 * to list), keeps them in the URL so a view can be shared, redraws the charts that follow them with Vega
 * in the browser (a click on a mark opens the reports behind it), and lets readers sort tables marked
 * `data-sortable` by any column. Vega's expressions run in vega-interpreter, so the Content
 * Security Policy needs no `unsafe-eval`. Vega is a separate chunk, loaded only when a page has a
 * chart to draw, so the evidence page's filters cost a few KiB.
 */
import type { Spec, View } from "vega";

/** The filters a page can have, as they appear in its URL. */
const FILTER_NAMES = ["year", "region", "hub", "behind"] as const;
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
  followEvidenceOnClick(view, live);
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

/** The link to the reports behind the mark under the pointer, if it has one. */
function evidenceOf(item: unknown): string | null {
  const datum = (item as { datum?: { evidence?: unknown } } | null | undefined)?.datum;
  return typeof datum?.evidence === "string" ? datum.evidence : null;
}

/** A click on a mark opens the reports behind its figure; the pointer says which marks can be clicked. */
function followEvidenceOnClick(view: View, container: HTMLElement): void {
  view.addEventListener("click", (_event, item) => {
    const href = evidenceOf(item);
    if (href) window.location.assign(new URL(href, window.location.href).toString());
  });
  view.addEventListener("pointermove", (_event, item) => {
    container.style.cursor = evidenceOf(item) ? "pointer" : "";
  });
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
    const behind = (row.dataset.behind ?? "").split("|");
    const show =
      (!filters.year || row.dataset.year === filters.year) &&
      (!filters.region || regions.includes(filters.region)) &&
      (!filters.hub || row.dataset.hub === filters.hub) &&
      (!filters.behind || behind.includes(filters.behind));
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

type SortDirection = "ascending" | "descending";

/** The value a cell sorts by: its `data-value` (a number in numeric columns); null sorts last either way. */
function sortValue(row: HTMLTableRowElement, column: number, numeric: boolean): string | number | null {
  if (row.dataset.withheld === "true" && column > 0) return null;
  const raw = row.cells[column]?.dataset.value;
  if (raw === undefined) return null;
  return numeric ? Number(raw) : raw;
}

/** Sorts a table's body by one column, missing figures last, ties kept in the order of the first column. */
function sortTable(table: HTMLTableElement, header: HTMLTableCellElement, direction: SortDirection): void {
  const column = header.cellIndex;
  const numeric = header.dataset.sort === "number";
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const name = (row: HTMLTableRowElement) => String(sortValue(row, 0, false) ?? "");
  rows.sort((a, b) => {
    const [x, y] = [sortValue(a, column, numeric), sortValue(b, column, numeric)];
    if (x === null || y === null) return x === y ? name(a).localeCompare(name(b)) : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (direction === "ascending" ? order : -order) || name(a).localeCompare(name(b));
  });
  body.append(...rows);
  for (const cell of header.parentElement?.children ?? []) {
    if (cell === header) cell.setAttribute("aria-sort", direction);
    else cell.removeAttribute("aria-sort");
  }
}

/**
 * Makes each header of a `data-sortable` table a button that sorts by its column: numbers largest first,
 * text A to Z, a second press the other way. `aria-sort` says how the table is sorted.
 */
function enhanceSortableTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) {
    for (const header of table.querySelectorAll<HTMLTableCellElement>("thead th[data-sort]")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.append(...header.childNodes);
      header.append(button);
      button.addEventListener("click", () => {
        const current = header.getAttribute("aria-sort");
        const first: SortDirection = header.dataset.sort === "number" ? "descending" : "ascending";
        const next: SortDirection =
          current === first ? (first === "ascending" ? "descending" : "ascending") : first;
        sortTable(table, header, next);
      });
    }
  }
}

async function start(): Promise<void> {
  enhanceSortableTables();
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
