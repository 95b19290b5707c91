import type { Messages } from "./catalogue.js";
import { andList } from "./lists.js";
import { plural } from "./plural.js";

const list = (items: readonly string[]) => items.join(", ");
/** "a", "a y b", "a, b y c", from `Intl.ListFormat`. */
const joinEs = (items: readonly string[]) => andList(items, "es");

/** The Spanish catalogue. */
export const es: Messages = {
  lang: "es",
  numberLocale: "es-ES",
  dateLocale: "es-ES",

  dir: "ltr",
  languageName: "Español",
  languageNav: "Idioma",
  colon: ": ",

  navRegions: "Regiones",
  navHubs: "Hubs",
  navEvidence: "Evidencias",
  navMain: "Páginas",

  filtersLegend: "Mostrar",
  filterYear: "Año",
  filterRegion: "Destacar región",
  filterAllRegions: "Todas las regiones",
  filterHub: "Hub",
  filterAllHubs: "Todos los hubs",
  filterAllYears: "Todos los años",
  filterShareHint: "La dirección de esta página guarda la selección, así que se puede compartir.",

  downloadCsv: "Datos (CSV)",
  evidenceLink: "Informes en los que se basan estas cifras",
  showTable: "Tabla de datos",

  columnYear: "Año",
  columnNote: "Nota",
  columnRegion: "Región",
  columnPart: "Componente",
  columnSeries: "Serie",
  columnDirection: "Sentido",
  columnHub: "Hub",
  columnAllocated: "Asignado por el fondo global",
  columnReceived: "Recibido según el hub",
  columnGap: "Diferencia (recibido − asignado)",
  columnState: "Estado",
  columnFinancial: "Finanzas",
  columnImpact: "Impacto",
  columnIndicator: "Indicador",
  columnScope: "Ámbito",
  columnKind: "Tipo",
  columnPeriod: "Período",
  columnUploaded: "Subido (UTC)",
  columnRows: "Filas",
  columnSha: "SHA-256",
  columnVersions: "Versiones anteriores",
  columnRegionsFed: "Regiones a las que aporta datos",
  columnMovement: "Movimiento",

  chartSuppressedReason: (k) => `Omitido: menos de ${k} participantes en la región ese año`,
  chartLorenzTitle: (year, gini) =>
    gini === null
      ? `Financiación por editor entre países, ${year}`
      : `Financiación por editor entre países, ${year}: Gini ${gini}`,
  describeLorenz: (year, bottomHalf, topTenth, title) =>
    `${title}. En ${year}, la mitad de los editores correspondiente a los países con menos financiación recibió el ${bottomHalf} de los fondos ejecutados; la décima parte correspondiente a los países con más financiación recibió el ${topTenth}. La línea discontinua corresponde a una financiación igual por editor.`,
  axisEditorShare:
    "Proporción de editores activos (países ordenados de menor a mayor financiación por editor)",
  axisFundingShare: "Proporción de los fondos ejecutados",
  lorenzCaption: "Curva de Lorenz de la financiación por editor, en cada 5% de los editores",
  theilBetween: "Entre regiones",
  theilWithin: "Dentro de las regiones",
  chartTheilTitle: (first, last) =>
    first === last
      ? `Índice de Theil por componente, ${first}`
      : `Índice de Theil por componente, ${first}–${last}`,
  describeTheil: (years) =>
    `Índice de Theil de la financiación por editor, dividido en el componente entre regiones y el componente dentro de ellas. ${years.join(" ")}`,
  describeTheilYear: (year, total, between, within) =>
    `${year}: ${total} en total, ${between} entre regiones y ${within} dentro de ellas.`,
  seriesRaised: "Recaudado",
  seriesDeployed: "Ejecutado",
  chartRaisedDeployedTitle: (year) => `Recaudado y ejecutado por región, ${year}`,
  describeRaisedDeployed: (year, regions) =>
    `Dinero recaudado y ejecutado en cada región en ${year}. ${regions.join(" ")}`,
  describeRaisedDeployedRegion: (label, raised, deployed) =>
    `${label}: recaudado ${raised}, ejecutado ${deployed}.`,
  netReceives: "Recibe más de lo que recauda",
  netGives: "Recauda más de lo que recibe",
  axisNetTransfer: "Transferencia neta (ejecutado − recaudado)",
  netTransferNote: "A la derecha del cero, la región recibe más de lo que recauda; a la izquierda, aporta",
  chartNetTransferTitle: (year) => `Transferencias netas por región, ${year}`,
  describeNetTransfer: (year, points) =>
    `Transferencia neta de cada región en ${year}, ejecutado menos recaudado: ${points.join("; ")}.`,
  allocationStates: {
    matched: "coincide",
    gap: "discrepancia",
    "not-reported": "no informado por el hub",
    "not-allocated": "sin asignación registrada",
  },
  chartReconciliationTitle: (year) =>
    `Asignaciones del fondo global frente a lo recibido por los hubs, ${year}`,
  describeReconciliation: (year, hubs, flagged) =>
    flagged.length === 0
      ? hubs === 1
        ? `En ${year}, lo que el único hub declara haber recibido coincide con las asignaciones del fondo global.`
        : `En ${year}, lo que declaran haber recibido los ${hubs} hubs coincide con las asignaciones del fondo global.`
      : `En ${year}, ${flagged.length} de ${hubs} hubs ${flagged.length === 1 ? "no coincide" : "no coinciden"} con las asignaciones del fondo global: ${flagged.join("; ")}.`,
  reconciliationNote:
    "Hay discrepancia cuando los dos informes difieren en más de un 1% (y en al menos 1 dólar estadounidense)",
  axisAllocationGap: "Recibido menos asignado",
  reconciliationCaption: "Asignaciones del fondo global y cantidades recibidas por los hubs, por año y hub",
  reconciliationHeading: "Conciliación de las asignaciones del fondo global",
  reconciliationLede:
    "Lo que el fondo global declara haber asignado a cada hub, frente a lo que el hub declara haber recibido. Las diferencias se señalan, no se juzgan: pueden deberse a un informe tardío, a un tipo de cambio o a un error.",
  reportingStates: { complete: "completo", partial: "parcial", missing: "no presentado" },
  chartReportingGridTitle: (first, last) =>
    first === last
      ? `Informes presentados por hub, ${first}`
      : `Informes presentados por hub, ${first}–${last}`,
  describeReportingYear: (year, counts) =>
    `${year} — ${counts.map(([label, count]) => `${label}: ${count}`).join(", ")}.`,
  describeReportingGrid: (years, lastYear, notComplete) =>
    `Indica si cada hub activo presentó completos sus informes financieros y de impacto. ${years.join(" ")}${
      notComplete.length > 0 ? ` Incompletos en ${lastYear}: ${notComplete.join("; ")}.` : ""
    }`,
  reportingGridNote:
    "✓ completo: un informe anual o los cuatro trimestrales, tanto de finanzas como de impacto; ◐ parcial; ✗ no presentado",
  chartRegionMoneyTitle: (first, last) =>
    first === last ? `Recaudado y ejecutado, ${first}` : `Recaudado y ejecutado, ${first}–${last}`,
  describeRegionMoney: (region, years) =>
    `Dinero recaudado y ejecutado en ${region}, por año. ${years.join(" ")}`,
  chartRegionSharesTitle: (year) => `Proporciones frente al conjunto del movimiento, ${year}`,
  describeRegionShares: (region, year, items) =>
    `${region} frente al conjunto del movimiento en ${year}: ${items.join("; ")}.`,
  describeVersus: (indicator, region, movement) => `${indicator}: ${region} (movimiento: ${movement})`,

  summaryMovementBars:
    "Cada barra es la cifra del conjunto del movimiento en un año; las barras parten de cero.",
  summaryMovementLine:
    "La línea une la cifra del conjunto del movimiento año tras año, sobre un eje que parte de cero.",
  summaryMovementShareLine:
    "La línea une la proporción del conjunto del movimiento año tras año, sobre un eje de 0 a 100 %.",
  summaryByRegion:
    "Cada barra es la cifra de una región en el año mostrado, de mayor a menor, desde cero; la línea discontinua es el conjunto del movimiento.",
  summaryByRegionAmount:
    "Cada barra es la cifra de una región en el año mostrado, de mayor a menor, desde cero; juntas suman el total del movimiento.",
  summaryRegionsOverTime:
    "Un panel por región, todos en la misma escala desde cero: la cifra de la región año tras año.",
  summaryRegionsOverTimeShare:
    "Un panel por región, todos en la misma escala de 0 a 100 %: la proporción de la región año tras año.",
  chartRegionsOverTimeMovement: "La línea discontinua de cada panel es el conjunto del movimiento.",
  summaryLorenz:
    "La curva acumula la proporción de los fondos ejecutados frente a la proporción de editores activos, con los países ordenados de menor a mayor financiación por editor. La diagonal discontinua es una financiación igual por editor: cuanto más se hunde la curva por debajo de ella, más desigual es la financiación.",
  summaryTheil:
    "Cada barra es el índice de Theil de un año, dividido en el componente entre regiones y el componente dentro de ellas; las barras parten de cero.",
  summaryRaisedDeployed:
    "Para cada región en el año mostrado, el dinero recaudado en ella junto al dinero ejecutado en ella; las barras parten de cero.",
  summaryNetTransfer:
    "Para cada región en el año mostrado, el dinero ejecutado menos el recaudado, de mayor a menor: las barras a la derecha del cero reciben más de lo que recaudan; las de la izquierda recaudan más de lo que reciben.",
  summaryReconciliation:
    "Cada punto es un hub en el año mostrado: lo que declara haber recibido menos lo que le asignó el fondo global. Los puntos sobre la línea del cero coinciden.",
  summaryReportingGrid:
    "Una fila por hub y una columna por año: si el hub presentó completos sus informes financieros y de impacto ese año.",
  summaryRegionMoney:
    "El dinero recaudado en la región junto al dinero ejecutado en ella, año tras año; las barras parten de cero.",
  summaryRegionShares:
    "Cada fila es una proporción, en una escala de 0 a 100 %: la región (círculo) junto al conjunto del movimiento (rombo).",
  chartTargetNote: (target) => `Línea discontinua: el objetivo, ${target}`,
  chartNarrowRange: (low, high, first, last) =>
    `De ${first} a ${last} la cifra se mantiene entre ${low} y ${high}; el eje parte de cero, así que un cambio tan pequeño apenas se ve`,
  chartNarrowRangeRegions: (low, high) =>
    `Todas las cifras están entre ${low} y ${high}; los ejes parten de cero, así que diferencias tan pequeñas apenas se ven`,

  headlineStatement: (indicator, value, year) => {
    switch (indicator) {
      case "deployed_usd":
        return `El movimiento ejecutó ${value} en ${year}`;
      case "deployed_per_editor_usd":
        return `Se ejecutaron ${value} por editor activo en ${year}`;
      case "global_south_share":
        return `El ${value} de los fondos ejecutados llegó al Sur Global en ${year}`;
      case "funding_gini":
        return `La financiación por editor entre países tuvo un índice de Gini de ${value} en ${year}`;
      case "funding_theil":
        return `El índice de Theil de la financiación por editor fue de ${value} en ${year}`;
      case "underrepresented_grant_share":
        return `El ${value} del dinero de las subvenciones se destinó a comunidades infrarrepresentadas en ${year}`;
      case "local_revenue_share":
        return `Los hubs recaudaron por sí mismos el ${value} de sus ingresos en ${year}`;
      case "board_global_south_share":
        return `El ${value} de los miembros de las juntas directivas de los hubs procedía del Sur Global en ${year}`;
      case "board_women_share":
        return `El ${value} de los miembros de las juntas directivas de los hubs eran mujeres en ${year}`;
      case "participants":
        return `${value} personas participaron en ${year}`;
      case "newcomer_share":
        return `El ${value} de los participantes eran recién llegados en ${year}`;
      case "gender_diverse_share":
        return `El ${value} de los participantes que indicaron su género eran mujeres o personas no binarias en ${year}`;
      case "content_per_1k_usd":
        return `Se crearon ${value} contenidos por cada 1000 dólares estadounidenses ejecutados en ${year}`;
      case "raised_usd":
        return `El movimiento recaudó ${value} en ${year}`;
      case "redistribution_intensity":
        return `El ${value} de los fondos ejecutados se redistribuyó entre regiones en ${year}`;
      case "reporting_rate":
        return `El ${value} de los hubs activos presentó informes completos de ${year}`;
      default:
        return null;
    }
  },
  headlineGeneric: (title, value, year) => `${title}: ${value} en ${year}`,
  comparedWith: (trend, previous, previousYear) =>
    trend === "unchanged"
      ? `, sin cambios respecto a ${previousYear}`
      : `, ${trend === "up" ? "más" : "menos"} que en ${previousYear} (${previous})`,
  targetMet: "objetivo cumplido",
  targetMissed: "objetivo no cumplido",
  targetLabel: (target) => `Objetivo: ${target}`,
  headlineCurrent: "Última cifra",

  regionsHeading: "Regiones",
  regionsLede:
    "Todas las regiones lado a lado en cada indicador regional, con el conjunto del movimiento como referencia. La página de cada región muestra sus cifras a lo largo de los años, sus hubs y los informes que las respaldan.",
  regionLede: (region, year) =>
    year === null
      ? `Aún no se han publicado cifras de ${region}.`
      : `Cifras de ${region} (último año: ${year}), junto a las del conjunto del movimiento.`,
  regionFiguresHeading: "Todos los indicadores de esta región",
  regionHubsHeading: "Hubs con sede en esta región",
  regionNoHubs: "Ningún hub tiene su sede en esta región.",
  regionEvidenceHeading: "Informes en los que se basan las cifras de esta región",
  regionFiguresCaption: (region) =>
    `${region}: todos los indicadores regionales por año, con la última cifra del movimiento`,
  hubsHeading: "Hubs",
  hubsLede:
    "Todos los hubs del registro actual: cómo presentan sus informes y qué les asignó el fondo global.",
  hubLede: (kind, region) =>
    region === null ? `Hub de tipo ${kind}.` : `Hub de tipo ${kind} con sede en ${region}.`,
  hubKinds: { regional: "regional", thematic: "temático", linguistic: "lingüístico", global: "fondo global" },
  hubSeat: "Sede",
  hubSeatWithheld: "no se publica (país protegido)",
  hubRegion: "Región",
  hubActive: "Activo",
  hubActiveYears: (from, to) => (to === null ? `desde ${from}` : `${from}–${to}`),
  hubReportingHeading: "Informes por año",
  hubAllocationsHeading: "Asignaciones del fondo global y cantidades recibidas",
  hubNoAllocations: "No consta ninguna asignación a este hub ni ninguna cantidad recibida por él.",
  hubReportsHeading: "Informes",
  hubNoReports: "Este hub no tiene informes aceptados.",
  hubRegionContext: "Cifras de la región donde tiene su sede el hub",
  evidenceHeading: "Evidencias",
  evidenceLede:
    "Todos los informes aceptados a partir de los cuales se calculan las cifras: quién subió cada uno y cuándo, su tamaño y su SHA-256, para que cualquier persona que tenga el archivo pueda comprobar que es el que se utilizó. Las versiones anteriores sustituidas por una carga más reciente aparecen junto al informe que las reemplazó.",
  evidenceYearHeading: (year) => `Informes de ${year}`,
  evidenceReferenceHeading: "Datos de referencia",
  evidenceReferenceLede: "El registro de hubs y los tipos de cambio que mantiene el Consejo Global.",
  evidenceNone: "Ningún informe coincide.",
  statusCurrent: "vigente",
  statusSuperseded: "sustituido",
  supersededBy: (reportId) => `sustituido por ${reportId}`,
  earlierVersions: (count) =>
    plural(count, "es", { one: `${count} versión anterior`, other: `${count} versiones anteriores` }),
  reportsCount: (count) =>
    plural(count, "es", { one: `${count} informe: ver la lista`, other: `${count} informes: ver la lista` }),
  reportKinds: {
    financial: "financiero",
    impact: "impacto",
    hubs: "registro de hubs",
    fx_rates: "tipos de cambio",
  },
  frameworkChangesHeading: "Qué ha cambiado",
  frameworkChangesLede: (from, to) => `Cambios entre la versión ${from} y la versión ${to} del marco.`,
  frameworkAdded: "añadido",
  frameworkRemoved: "eliminado",
  frameworkChanged: (fields) => `cambios en: ${joinEs(fields)}`,
  frameworkFieldNames: {
    lens: "perspectiva",
    title: "título",
    definition: "definición",
    formula: "fórmula",
    unit: "unidad",
    direction: "interpretación",
    target: "objetivo",
    scopes: "ámbitos",
    region_by: "cómputo de las regiones",
    disclosure: "divulgación",
  },
  frameworkUnchanged: "Ningún indicador ha cambiado.",
  frameworkOnlyVersion: "Esta es la primera versión publicada del marco.",
  printedFrom: "Impreso desde",

  siteTitle: "Observatorio de Equidad",
  siteTagline: "Cómo se reparten, gobiernan y utilizan los recursos del movimiento",
  skipToContent: "Saltar al contenido",
  navLabel: "Sitio",
  navOverview: "Resumen",
  navFramework: "Marco",
  pageTitle: (page) => `${page} · Observatorio de Equidad`,

  footerFramework: (version) => `Marco de evaluación ${version}`,
  footerGenerated: "Generado el",
  footerData: "Todas las cifras publicadas (JSON)",
  footerNoScript: "Este sitio funciona sin JavaScript; cada gráfico va seguido de su tabla de datos.",

  overviewHeading: "El movimiento de un vistazo",
  overviewLede: (year, version) =>
    `Cifras principales del conjunto del movimiento en ${year}, calculadas con el marco de evaluación ${version}, y su evolución respecto al año anterior.`,
  overviewEmpty: "Aún no se ha publicado ninguna cifra.",
  overviewLensLink: (lens) => `Todos los indicadores de la perspectiva «${lens}»`,
  disclosureNote: (k, scopes) =>
    `Para proteger a los participantes, se omiten las cifras de resultados de ${joinEs(scopes.map((scope) => ({ movement: "el movimiento", region: "las regiones", hub: "los hubs", country: "los países" })[scope]))} con menos de ${k} participantes, y no se publica nada sobre los países de la lista de protección${scopes.includes("hub") ? " ni sobre los hubs con sede en ellos" : ""}.`,
  headlineChange: (trend, magnitude, previousYear) =>
    `${trend === "up" ? "sube" : "baja"} ${magnitude} respecto a ${previousYear}`,
  headlineUnchanged: (previousYear) => `sin cambios respecto a ${previousYear}`,
  headlineNoPrevious: (previousYear) => `no hay cifra de ${previousYear} para comparar`,
  percentagePoints: (magnitude) => `${magnitude} p. p.`,
  regionOnly: "Solo se publica por región",

  lensContents: "Indicadores de esta perspectiva",
  indicatorNoRows: "Aún no se han publicado cifras de este indicador.",
  fieldUnit: "Unidad",
  fieldDirection: "Interpretación",
  fieldScopes: "Se publica para",
  fieldIdentifier: "Identificador",
  fieldLens: "Perspectiva",
  fieldDefinition: "Definición",
  fieldFormula: "Fórmula",
  fieldTarget: "Objetivo",
  fieldDisclosure: "Divulgación",
  specLink: "Especificación del gráfico (JSON de Vega-Lite)",
  frameworkLink: "Cómo se definen los indicadores",
  tableCaption: (title) => `${title}: cifras por año`,
  tableScopeColumn: "Ámbito",
  tableGroupHubs: "Hubs",
  tableGroupCountries: "Países",
  noteSuppressed: (k) => `omitido: menos de ${k} participantes, por lo que la cifra no se publica.`,
  noteNoValue: "sin valor: el denominador era cero, por lo que la cifra no está definida.",
  noteNoData: "sin datos: no se calculó ninguna cifra para ese año.",

  suppressed: "omitido",
  noValue: "sin valor",
  noData: "sin datos",

  chartMovementTitle: (first, last) =>
    first === last ? `Movimiento, ${first}` : `Movimiento, ${first}–${last}`,
  chartByRegionTitle: (year) => `Por región, ${year}`,
  chartByRegionMovementTitle: (year, movement) => `Por región, ${year} (movimiento: ${movement})`,
  chartRegionsOverTimeTitle: (first, last) =>
    first === last ? `Por región, ${first}` : `Por región, ${first}–${last}`,
  chartSuppressed: (k, items) => `Omitido (menos de ${k} participantes): ${list(items)}`,
  chartNoValue: (items) => `Sin valor (el denominador era cero): ${list(items)}`,
  chartMissingFrom: (year, items) => `Sin datos de ${year}: ${list(items)}`,
  describeMovementChart: (indicator, points) =>
    `${indicator} del conjunto del movimiento, por año: ${points.join("; ")}.`,
  describeByRegionChart: (indicator, year, points) =>
    `${indicator} por región en ${year}: ${points.join("; ")}.`,
  describeRegionsOverTimeChart: (indicator, series) => `${indicator} por región y año. ${series.join(" ")}`,
  describePoint: (label, value) => `${label}: ${value}`,
  describeSeries: (region, points) => `${region}, ${points.join("; ")}.`,
  describeTail: "La tabla de datos que sigue recoge todas las cifras.",

  frameworkHeading: "El marco de evaluación",
  frameworkLede: (version) =>
    `Todas las cifras de este sitio se calculan con el marco de evaluación ${version}. Esta página publica la definición, la fórmula y la regla de divulgación de cada indicador, para que cualquier persona pueda comprobar cómo se obtuvo una cifra.`,
  frameworkVersion: "Versión del marco",
  frameworkDisclosureHeading: "Regla de divulgación",
  frameworkK: (k) => `En esta publicación, k = ${k}.`,
  frameworkLensesHeading: "Perspectivas e indicadores",
  frameworkDataHeading: "Datos",
  frameworkDataText: "Todas las cifras publicadas, con una fila por indicador, año y ámbito:",
  noTarget: "sin objetivo fijado",
  target: (comparison, value) => (comparison === ">=" ? `como mínimo ${value}` : `como máximo ${value}`),
  disclosureNone: "Se publica íntegramente",

  changeReadings: { better: "mejor", worse: "peor" },
  units: {
    usd: "Dólares estadounidenses",
    usd_per_editor: "Dólares estadounidenses por editor activo",
    share: "Proporción (porcentaje)",
    index: "Índice",
    count: "Recuento",
    per_1k_usd: "Por cada 1000 dólares estadounidenses",
    nats: "Nats (entropía de Shannon)",
  },
  directions: {
    higher_is_better: "Cuanto más alto, mejor",
    lower_is_better: "Cuanto más bajo, mejor",
    context: "Contexto: ni un valor más alto ni uno más bajo es mejor",
  },
  scopes: {
    movement: "Movimiento",
    region: "Región",
    hub: "Hub",
    country: "País",
  },

  // Páginas, pruebas de cada cifra y metas (issue #11).
  navCountries: "Países",
  withheldReasons: {
    "protected-country": "reservado (país protegido)",
    "protected-seat": "reservado (hub con sede en un país protegido)",
  },
  noteWithheld:
    "reservado: no se publica nada sobre un país de la lista de protección ni sobre un hub con sede en él, porque sus cifras serían las de ese país.",
  noteFigureLinks: "Cada cifra enlaza con los informes a partir de los cuales se calculó.",
  notAtScope: "no se publica en este ámbito",
  targetGap: (position, gap) =>
    position === "on"
      ? "exactamente en la meta"
      : `${gap} ${position === "above" ? "por encima de" : "por debajo de"} la meta`,
  targetAt: (target, scopes) => `${target}, para ${joinEs(scopes.map((scope) => scope.toLowerCase()))}`,
  targetOfMovement: (target) => `(meta para el movimiento: ${target})`,
  disclosureParticipantsAt: (scopes) =>
    `Se omite en el ámbito de ${joinEs(scopes.map((scope) => scope.toLowerCase()))} cuando participaron menos de k personas`,
  regionBases: {
    lines: "Región (por los países de las líneas)",
    seat: "Región (por la sede de los hubs)",
  },
  regionBasisShort: { lines: "por los países de las líneas", seat: "por la sede de los hubs" },
  regionBasisNote: {
    lines:
      "La cifra de una región cuenta el dinero y la actividad declarados en sus países, por cualquier hub.",
    seat: "La cifra de una región cuenta los hubs con sede en ella, dondequiera que estén sus líneas; los hubs con sede en un país protegido quedan fuera.",
  },
  eachHubSummary: (count) =>
    plural(count, "es", { one: "La cifra de 1 hub", other: `Las cifras de cada uno de los ${count} hubs` }),
  eachCountrySummary: (count) =>
    plural(count, "es", {
      one: "La cifra de 1 país",
      other: `Las cifras de cada uno de los ${count} países`,
    }),
  tableCaptionHubs: (title) => `${title}: cada hub, por año`,
  tableCaptionCountries: (title) => `${title}: cada país, por año`,
  protectedCountriesNote:
    "Los países de la lista de protección no aparecen: no se publica nada sobre ellos. La página de países los enumera.",
  columnReportId: "Informe",
  columnReports: "Informes",
  columnCountry: "País",
  columnThisHub: "Este hub",
  columnSeatRegion: (region) => `Región de su sede: ${region}`,
  fundReportLabel: "fondo global",
  hubReportLabel: "hub",
  noReport: "ningún informe",
  hubFiguresHeading: "Las cifras de este hub",
  hubFiguresCaption: (hub) =>
    `${hub}: cada indicador de hub por año, junto a su región y al conjunto del movimiento`,
  hubFiguresWithheld:
    "Las cifras de este hub están reservadas: tiene su sede en un país de la lista de protección y sus cifras serían las de ese país. Sus informes siguen contando en las cifras del movimiento y en las de las regiones y países donde estuvieron su dinero y su actividad.",
  hubNoFigures: "Aún no se han publicado cifras de este hub.",
  hubAllocationsWithheld:
    "Reservado: lo que el fondo global asignó a este hub, y lo que recibió, serían cifras de su país.",
  hubNoReportingStatus: "Este hub no estuvo activo en ningún año con informes.",
  countriesHeading: "Países",
  countriesLede:
    "Cada país con cifras publicadas: fondos ejecutados por editor activo, fondos ejecutados y recaudados, la transferencia neta (ejecutado menos recaudado) y los participantes. Ordene la tabla por cualquier columna.",
  countriesProtectedNote:
    "Los países de la lista de protección figuran como reservados, sin ninguna cifra: no se publica nada sobre ellos.",
  countriesCaption: (year) => `Países en ${year}`,
  countriesYearHeading: (year) => `Países en ${year}`,
  countriesNone: "Aún no se han publicado cifras por país.",
  regionsComparisonHeading: (year) => `Todas las regiones lado a lado, ${year}`,
  regionsComparisonCaption: (year) =>
    `Cada indicador regional en ${year}, con el conjunto del movimiento primero como referencia`,
  filterBehind: "Detrás de las cifras de",
  filterAllFigures: "Todas las cifras",
  frameworkVersions: "Versiones publicadas",
  frameworkSuppressionScopes: (scopes) =>
    `Las cifras de resultados se omiten por debajo de k en estos ámbitos: ${joinEs(scopes.map((scope) => scope.toLowerCase()))}. La cifra del movimiento nunca se omite.`,
  frameworkTargetsHeading: "Metas",
  frameworkTargetsLede:
    "Los umbrales que fijó el Consejo Global y si el movimiento los alcanzó en el último año.",
  frameworkFieldChangesHeading: "Indicadores cuya definición cambió",
  frameworkEarlierHeading: "Versiones anteriores",
  frameworkEarlierVersion: (version) => `Marco de evaluación ${version}`,
  frameworkVersionIndicators: (version) => `Los indicadores del marco ${version}`,
  changeConcerns: "Afecta a",
  changeConcernsFramework: "el marco en su conjunto",
};
