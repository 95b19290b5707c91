import type { Messages } from "./catalogue.js";
import { andList, orList } from "./lists.js";
import { plural } from "./plural.js";

const list = (items: readonly string[]) => items.join(", ");
/** Scope names in lower case, as a list of the language ("mouvement, région et hub"). */
const scopeWords = (scopes: readonly string[]) =>
  andList(
    scopes.map((scope) => scope.toLowerCase()),
    "fr",
  );
/** "Of a region", "of a hub": what the disclosure note's figures are of. */
const SCOPE_OF = {
  movement: "du mouvement",
  region: "d’une région",
  hub: "d’un hub",
  country: "d’un pays",
} as const;

const NO_BREAK_BEFORE = / ([:;?!»])/g;
const NO_BREAK_AFTER = /« /g;

/** French typography: a no-break space before `:`, `;`, `?`, `!` and `»`, and after `«`. */
function typeset(text: string): string {
  return text.replace(NO_BREAK_BEFORE, "\u00a0$1").replace(NO_BREAK_AFTER, "«\u00a0");
}

/** The catalogue with French typography applied to every text and to every text a function returns. */
function typesetAll(catalogue: Messages): Messages {
  const set = (value: unknown): unknown => {
    if (typeof value === "string") return typeset(value);
    if (typeof value === "function")
      return (...args: unknown[]) => set((value as (...a: unknown[]) => unknown)(...args));
    if (value !== null && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, set(entry)]));
    return value;
  };
  const settings = new Set(["lang", "numberLocale", "dateLocale", "dir"]);
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [key, settings.has(key) ? value : set(value)]),
  ) as unknown as Messages;
}

/** The French catalogue. Texts are written with plain spaces; `typesetAll` makes them no-break where French needs it. */
export const fr: Messages = typesetAll({
  lang: "fr",
  numberLocale: "fr",
  dateLocale: "fr",

  dir: "ltr",
  languageName: "Français",
  languageNav: "Langue",
  colon: " : ",

  navRegions: "Régions",
  navHubs: "Hubs",
  navEvidence: "Preuves",
  navMain: "Pages",

  filtersLegend: "Afficher",
  filterYear: "Année",
  filterRegion: "Mettre en évidence une région",
  filterAllRegions: "Toutes les régions",
  filterHub: "Hub",
  filterAllHubs: "Tous les hubs",
  filterAllYears: "Toutes les années",
  filterShareHint: "L’adresse de cette page garde votre choix : vous pouvez la partager.",

  downloadCsv: "Données (CSV)",
  evidenceLink: "Rapports à l’origine de ces chiffres",
  showTable: "Tableau de données",

  columnYear: "Année",
  columnNote: "Remarque",
  columnRegion: "Région",
  columnPart: "Composante",
  columnSeries: "Série",
  columnDirection: "Sens",
  columnHub: "Hub",
  columnAllocated: "Alloué par le fonds mondial",
  columnReceived: "Reçu selon le hub",
  columnGap: "Écart (reçu − alloué)",
  columnState: "État",
  columnFinancial: "Finances",
  columnImpact: "Impact",
  columnIndicator: "Indicateur",
  columnScope: "Échelle",
  columnKind: "Type",
  columnPeriod: "Période",
  columnUploaded: "Déposé (UTC)",
  columnRows: "Lignes",
  columnSha: "SHA-256",
  columnVersions: "Versions antérieures",
  columnRegionsFed: "Régions alimentées",
  columnMovement: "Mouvement",

  chartSuppressedReason: (k) => `Masqué : moins de ${k} participants dans la région cette année-là`,
  chartLorenzTitle: (year, gini) =>
    gini === null
      ? `Financement par contributeur entre pays, ${year}`
      : `Financement par contributeur entre pays, ${year} : Gini ${gini}`,
  describeLorenz: (year, bottomHalf, topTenth, title) =>
    `${title}. En ${year}, la moitié des contributeurs, dans les pays les moins financés, a reçu ${bottomHalf} des fonds déployés ; le dixième, dans les pays les mieux financés, a reçu ${topTenth}. La ligne pointillée correspond à un financement égal par contributeur.`,
  axisEditorShare: "Part des contributeurs actifs (pays du moins au plus financé par contributeur)",
  axisFundingShare: "Part des fonds déployés",
  lorenzCaption: "Courbe de Lorenz du financement par contributeur, tous les 5 % des contributeurs",
  theilBetween: "Entre régions",
  theilWithin: "Au sein des régions",
  chartTheilTitle: (first, last) =>
    first === last
      ? `Indice de Theil par composante, ${first}`
      : `Indice de Theil par composante, ${first}–${last}`,
  describeTheil: (years) =>
    `Indice de Theil du financement par contributeur, divisé entre la composante entre régions et la composante au sein des régions. ${years.join(" ")}`,
  describeTheilYear: (year, total, between, within) =>
    `${year} : ${total} au total, dont ${between} entre régions et ${within} au sein des régions.`,
  seriesRaised: "Collecté",
  seriesDeployed: "Déployé",
  chartRaisedDeployedTitle: (year) => `Collecté et déployé par région, ${year}`,
  describeRaisedDeployed: (year, regions) =>
    `Argent collecté et déployé dans chaque région en ${year}. ${regions.join(" ")}`,
  describeRaisedDeployedRegion: (label, raised, deployed) =>
    `${label} : collecté ${raised}, déployé ${deployed}.`,
  netReceives: "Reçoit plus qu’elle ne collecte",
  netGives: "Collecte plus qu’elle ne reçoit",
  axisNetTransfer: "Transfert net (déployé − collecté)",
  netTransferNote: "À droite de zéro, la région reçoit plus qu’elle ne collecte ; à gauche, elle donne",
  chartNetTransferTitle: (year) => `Transferts nets par région, ${year}`,
  describeNetTransfer: (year, points) =>
    `Transfert net de chaque région en ${year}, déployé moins collecté : ${points.join(" ; ")}.`,
  allocationStates: {
    matched: "concordant",
    gap: "écart",
    "not-reported": "non déclaré par le hub",
    "not-allocated": "aucune allocation enregistrée",
  },
  chartReconciliationTitle: (year) => `Allocations du fonds mondial et sommes reçues par les hubs, ${year}`,
  describeReconciliation: (year, hubs, flagged) =>
    flagged.length === 0
      ? plural(hubs, "fr", {
          one: `En ${year}, ce que le hub déclare avoir reçu concorde avec les allocations du fonds mondial.`,
          other: `En ${year}, ce que les ${hubs} hubs déclarent avoir reçu concorde avec les allocations du fonds mondial.`,
        })
      : `En ${year}, ${plural(flagged.length, "fr", {
          one: `${flagged.length} hub sur ${hubs} ne concorde pas`,
          other: `${flagged.length} hubs sur ${hubs} ne concordent pas`,
        })} avec les allocations du fonds mondial : ${flagged.join(" ; ")}.`,
  reconciliationNote:
    "Il y a écart quand les deux rapports diffèrent de plus de 1 % (et d’au moins 1 dollar américain)",
  axisAllocationGap: "Reçu moins alloué",
  reconciliationCaption: "Allocations du fonds mondial et sommes reçues par les hubs, par année et par hub",
  reconciliationHeading: "Rapprochement des allocations du fonds mondial",
  reconciliationLede:
    "Ce que le fonds mondial déclare avoir alloué à chaque hub, face à ce que le hub déclare avoir reçu. Les écarts sont signalés, pas jugés : un rapport tardif, un taux de change ou une erreur peuvent les expliquer.",
  reportingStates: { complete: "complet", partial: "partiel", missing: "manquant" },
  chartReportingGridTitle: (first, last) =>
    first === last ? `Rapports remis par hub, ${first}` : `Rapports remis par hub, ${first}–${last}`,
  describeReportingYear: (year, counts) =>
    `${year} — ${counts.map(([label, count]) => `${label} : ${count}`).join(", ")}.`,
  describeReportingGrid: (years, lastYear, notComplete) =>
    `Indique si chaque hub actif a remis ses rapports financiers et d’impact complets. ${years.join(" ")}${
      notComplete.length > 0 ? ` Incomplets en ${lastYear} : ${notComplete.join(" ; ")}.` : ""
    }`,
  reportingGridNote:
    "✓ complet : un rapport annuel ou les quatre trimestres, pour les finances et l’impact ; ◐ partiel ; ✗ manquant",
  chartRegionMoneyTitle: (first, last) =>
    first === last ? `Collecté et déployé, ${first}` : `Collecté et déployé, ${first}–${last}`,
  describeRegionMoney: (region, years) =>
    `Argent collecté et déployé en ${region}, par année. ${years.join(" ")}`,
  chartRegionSharesTitle: (year) => `Parts face à l’ensemble du mouvement, ${year}`,
  describeRegionShares: (region, year, items) =>
    `${region} face à l’ensemble du mouvement en ${year} : ${items.join(" ; ")}.`,
  describeVersus: (indicator, region, movement) => `${indicator} : ${region} (mouvement : ${movement})`,

  summaryMovementBars:
    "Chaque barre est le chiffre de l’ensemble du mouvement pour une année ; les barres partent de zéro.",
  summaryMovementLine:
    "La ligne relie le chiffre de l’ensemble du mouvement année après année, sur un axe qui part de zéro.",
  summaryMovementShareLine:
    "La ligne relie la part de l’ensemble du mouvement année après année, sur un axe de 0 à 100 %.",
  summaryByRegion:
    "Chaque barre est le chiffre d’une région pour l’année affichée, du plus grand au plus petit, à partir de zéro ; la ligne pointillée est l’ensemble du mouvement.",
  summaryByRegionAmount:
    "Chaque barre est le chiffre d’une région pour l’année affichée, du plus grand au plus petit, à partir de zéro ; ensemble, elles font le total du mouvement.",
  summaryRegionsOverTime:
    "Un panneau par région, tous à la même échelle à partir de zéro : le chiffre de la région année après année.",
  summaryRegionsOverTimeShare:
    "Un panneau par région, tous à la même échelle de 0 à 100 % : la part de la région année après année.",
  chartRegionsOverTimeMovement: "La ligne pointillée de chaque panneau est l’ensemble du mouvement.",
  summaryLorenz:
    "La courbe cumule la part des fonds déployés face à la part des contributeurs actifs, pays classés du moins au plus financé par contributeur. La diagonale pointillée correspond à un financement égal par contributeur : plus la courbe passe en dessous, plus le financement est inégal.",
  summaryTheil:
    "Chaque barre est l’indice de Theil d’une année, divisé entre la composante entre régions et la composante au sein des régions ; les barres partent de zéro.",
  summaryRaisedDeployed:
    "Pour chaque région, l’année affichée, l’argent collecté sur place à côté de l’argent qui y est déployé ; les barres partent de zéro.",
  summaryNetTransfer:
    "Pour chaque région, l’année affichée, l’argent déployé moins l’argent collecté, du plus grand au plus petit : les barres à droite de zéro reçoivent plus qu’elles ne collectent, celles de gauche collectent plus qu’elles ne reçoivent.",
  summaryReconciliation:
    "Chaque point est un hub, l’année affichée : ce qu’il déclare avoir reçu moins ce que le fonds mondial lui a alloué. Les points sur la ligne zéro concordent.",
  summaryReportingGrid:
    "Une ligne par hub et une colonne par année : le hub a-t-il remis ses rapports financiers et d’impact complets cette année-là ?",
  summaryRegionMoney:
    "L’argent collecté dans la région à côté de l’argent qui y est déployé, année après année ; les barres partent de zéro.",
  summaryRegionShares:
    "Chaque ligne est une part, sur une échelle de 0 à 100 % : la région (cercle) à côté de l’ensemble du mouvement (losange).",
  chartTargetNote: (target) => `Ligne pointillée : la cible, ${target}`,
  chartNarrowRange: (low, high, first, last) =>
    `De ${first} à ${last}, le chiffre reste entre ${low} et ${high} ; l’axe part de zéro, si bien qu’un changement aussi faible se voit à peine`,
  chartNarrowRangeRegions: (low, high) =>
    `Tous les chiffres sont compris entre ${low} et ${high} ; les axes partent de zéro, si bien que des écarts aussi faibles se voient à peine`,

  headlineStatement: (indicator, value, year) => {
    switch (indicator) {
      case "deployed_usd":
        return `Le mouvement a déployé ${value} en ${year}`;
      case "deployed_per_editor_usd":
        return `${value} ont été déployés par contributeur actif en ${year}`;
      case "global_south_share":
        return `${value} des fonds déployés sont allés au Sud global en ${year}`;
      case "funding_gini":
        return `Le financement par contributeur entre pays avait un indice de Gini de ${value} en ${year}`;
      case "funding_theil":
        return `L’indice de Theil du financement par contributeur était de ${value} en ${year}`;
      case "underrepresented_grant_share":
        return `${value} des subventions sont allées à des communautés sous-représentées en ${year}`;
      case "local_revenue_share":
        return `Les hubs ont collecté eux-mêmes ${value} de leurs recettes en ${year}`;
      case "board_global_south_share":
        return `${value} des membres des conseils d’administration des hubs venaient du Sud global en ${year}`;
      case "board_women_share":
        return `${value} des membres des conseils d’administration des hubs étaient des femmes en ${year}`;
      case "participants":
        return `${value} personnes ont participé en ${year}`;
      case "newcomer_share":
        return `${value} des participants étaient des nouveaux venus en ${year}`;
      case "gender_diverse_share":
        return `${value} des participants ayant indiqué leur genre étaient des femmes ou des personnes non binaires en ${year}`;
      case "content_per_1k_usd":
        return `${value} contenus ont été créés pour 1 000 dollars américains déployés en ${year}`;
      case "raised_usd":
        return `Le mouvement a collecté ${value} en ${year}`;
      case "redistribution_intensity":
        return `${value} des fonds déployés ont été redistribués entre régions en ${year}`;
      case "reporting_rate":
        return `${value} des hubs actifs ont remis des rapports complets pour ${year}`;
      default:
        return null;
    }
  },
  headlineGeneric: (title, value, year) => `${title} : ${value} en ${year}`,
  comparedWith: (trend, previous, previousYear) =>
    trend === "unchanged"
      ? `, sans changement par rapport à ${previousYear}`
      : `, ${trend === "up" ? "en hausse" : "en baisse"} par rapport à ${previousYear} (${previous})`,
  targetMet: "cible atteinte",
  targetMissed: "cible non atteinte",
  targetLabel: (target) => `Cible : ${target}`,
  headlineCurrent: "Dernier chiffre",

  regionsHeading: "Régions",
  regionsLede:
    "Toutes les régions côte à côte pour chaque indicateur régional, avec l’ensemble du mouvement comme référence. La page de chaque région présente ses chiffres au fil des années, ses hubs et les rapports à l’origine de ces chiffres.",
  regionLede: (region, year) =>
    year === null
      ? `Aucun chiffre n’a encore été publié pour ${region}.`
      : `Chiffres de ${region} (dernière année : ${year}), à côté de ceux de l’ensemble du mouvement.`,
  regionFiguresHeading: "Tous les indicateurs de cette région",
  regionHubsHeading: "Hubs ayant leur siège dans cette région",
  regionNoHubs: "Aucun hub n’a son siège dans cette région.",
  regionEvidenceHeading: "Rapports à l’origine des chiffres de cette région",
  regionFiguresCaption: (region) =>
    `${region} : tous les indicateurs régionaux par année, avec le dernier chiffre du mouvement`,
  hubsHeading: "Hubs",
  hubsLede:
    "Tous les hubs du registre actuel : comment ils rendent compte, et ce que le fonds mondial leur a alloué.",
  hubLede: (kind, region) =>
    region === null ? `Hub de type ${kind}.` : `Hub de type ${kind} dont le siège est en ${region}.`,
  hubKinds: {
    regional: "régional",
    thematic: "thématique",
    linguistic: "linguistique",
    global: "fonds mondial",
  },
  hubSeat: "Siège",
  hubSeatWithheld: "non publié (pays protégé)",
  hubRegion: "Région",
  hubActive: "Actif",
  hubActiveYears: (from, to) => (to === null ? `depuis ${from}` : `${from}–${to}`),
  hubReportingHeading: "Rapports par année",
  hubAllocationsHeading: "Allocations du fonds mondial et sommes reçues",
  hubNoAllocations: "Aucune allocation à ce hub ni aucune somme reçue par lui n’a été déclarée.",
  hubReportsHeading: "Rapports",
  hubNoReports: "Ce hub n’a aucun rapport accepté.",
  hubRegionContext: "Chiffres de la région du siège du hub",
  evidenceHeading: "Preuves",
  evidenceLede:
    "Tous les rapports acceptés dont les chiffres sont calculés : qui a déposé chacun et quand, sa taille et son SHA-256, pour que toute personne qui détient le fichier puisse vérifier qu’il s’agit bien de celui qui a été utilisé. Les versions antérieures remplacées par un dépôt plus récent figurent avec le rapport qui les a remplacées.",
  evidenceYearHeading: (year) => `Rapports de ${year}`,
  evidenceReferenceHeading: "Données de référence",
  evidenceReferenceLede: "Le registre des hubs et les taux de change que tient à jour le Conseil mondial.",
  evidenceNone: "Aucun rapport ne correspond.",
  statusCurrent: "en vigueur",
  statusSuperseded: "remplacé",
  supersededBy: (reportId) => `remplacé par ${reportId}`,
  earlierVersions: (count) =>
    plural(count, "fr", {
      one: `${count} version antérieure`,
      many: `${count} de versions antérieures`,
      other: `${count} versions antérieures`,
    }),
  reportsCount: (count) =>
    plural(count, "fr", {
      one: `${count} rapport : afficher la liste`,
      many: `${count} de rapports : afficher la liste`,
      other: `${count} rapports : afficher la liste`,
    }),
  reportKinds: {
    financial: "financier",
    impact: "d’impact",
    hubs: "registre des hubs",
    fx_rates: "taux de change",
  },
  frameworkChangesHeading: "Ce qui a changé",
  frameworkChangesLede: (from, to) => `Changements entre la version ${from} et la version ${to} du cadre.`,
  frameworkAdded: "ajouté",
  frameworkRemoved: "retiré",
  frameworkChanged: (fields) => `modifié : ${andList(fields, "fr")}`,
  frameworkFieldNames: {
    lens: "prisme",
    title: "titre",
    definition: "définition",
    formula: "formule",
    unit: "unité",
    direction: "lecture",
    target: "cible",
    scopes: "échelles",
    region_by: "comptage des régions",
    disclosure: "diffusion",
  },
  frameworkUnchanged: "Aucun indicateur n’a changé.",
  frameworkOnlyVersion: "Ceci est la première version publiée du cadre.",
  printedFrom: "Imprimé depuis",

  siteTitle: "Observatoire de l’équité",
  siteTagline: "Comment les ressources du mouvement sont partagées, gouvernées et utilisées",
  skipToContent: "Aller au contenu",
  navLabel: "Site",
  navOverview: "Vue d’ensemble",
  navFramework: "Cadre",
  pageTitle: (page) => `${page} · Observatoire de l’équité`,

  footerFramework: (version) => `Cadre d’évaluation ${version}`,
  footerGenerated: "Généré le",
  footerData: "Tous les chiffres publiés (JSON)",
  footerNoScript:
    "Ce site fonctionne sans JavaScript ; chaque graphique est suivi de son tableau de données.",

  overviewHeading: "Le mouvement en un coup d’œil",
  overviewLede: (year, version) =>
    `Les chiffres clés de l’ensemble du mouvement en ${year}, calculés avec le cadre d’évaluation ${version}, et leur évolution par rapport à l’année précédente.`,
  overviewEmpty: "Aucun chiffre n’a encore été publié.",
  overviewLensLink: (lens) => `Tous les indicateurs du prisme « ${lens} »`,
  disclosureNote: (k, scopes) =>
    `Pour protéger les participants, les chiffres de résultats ${orList(
      scopes.map((scope) => SCOPE_OF[scope]),
      "fr",
    )} comptant moins de ${k} participants sont masqués, et rien n’est publié pour un pays de la liste de protection${scopes.includes("hub") ? " ni pour un hub dont le siège s’y trouve" : ""}.`,
  headlineChange: (trend, magnitude, previousYear) =>
    `${trend === "up" ? "en hausse" : "en baisse"} de ${magnitude} par rapport à ${previousYear}`,
  headlineUnchanged: (previousYear) => `sans changement par rapport à ${previousYear}`,
  headlineNoPrevious: (previousYear) => `aucun chiffre de ${previousYear} pour comparer`,
  percentagePoints: (magnitude) => `${magnitude}\u00a0pt`,
  regionOnly: "Publié par région uniquement",

  lensContents: "Indicateurs de ce prisme",
  indicatorNoRows: "Aucun chiffre n’a encore été publié pour cet indicateur.",
  fieldUnit: "Unité",
  fieldDirection: "Lecture",
  fieldScopes: "Publié pour",
  fieldIdentifier: "Identifiant",
  fieldLens: "Prisme",
  fieldDefinition: "Définition",
  fieldFormula: "Formule",
  fieldTarget: "Cible",
  fieldDisclosure: "Diffusion",
  specLink: "Spécification du graphique (JSON Vega-Lite)",
  frameworkLink: "Comment les indicateurs sont définis",
  tableCaption: (title) => `${title} : chiffres par année`,
  tableScopeColumn: "Échelle",
  tableGroupHubs: "Hubs",
  tableGroupCountries: "Pays",
  noteSuppressed: (k) => `masqué : moins de ${k} participants, le chiffre n’est donc pas publié.`,
  noteNoValue: "sans valeur : le dénominateur était nul, le chiffre n’est donc pas défini.",
  noteNoData: "sans données : aucun chiffre n’a été calculé pour cette année-là.",

  suppressed: "masqué",
  noValue: "sans valeur",
  noData: "sans données",

  chartMovementTitle: (first, last) =>
    first === last ? `Mouvement, ${first}` : `Mouvement, ${first}–${last}`,
  chartByRegionTitle: (year) => `Par région, ${year}`,
  chartByRegionMovementTitle: (year, movement) => `Par région, ${year} (mouvement : ${movement})`,
  chartRegionsOverTimeTitle: (first, last) =>
    first === last ? `Par région, ${first}` : `Par région, ${first}–${last}`,
  chartSuppressed: (k, items) => `Masqué (moins de ${k} participants) : ${list(items)}`,
  chartNoValue: (items) => `Sans valeur (dénominateur nul) : ${list(items)}`,
  chartMissingFrom: (year, items) => `Sans données pour ${year} : ${list(items)}`,
  describeMovementChart: (indicator, points) =>
    `${indicator} pour l’ensemble du mouvement, par année : ${points.join(" ; ")}.`,
  describeByRegionChart: (indicator, year, points) =>
    `${indicator} par région en ${year} : ${points.join(" ; ")}.`,
  describeRegionsOverTimeChart: (indicator, series) =>
    `${indicator} par région et par année. ${series.join(" ")}`,
  describePoint: (label, value) => `${label} : ${value}`,
  describeSeries: (region, points) => `${region}, ${points.join(" ; ")}.`,
  describeTail: "Le tableau de données ci-dessous donne tous les chiffres.",

  frameworkHeading: "Le cadre d’évaluation",
  frameworkLede: (version) =>
    `Tous les chiffres de ce site sont calculés avec le cadre d’évaluation ${version}. Cette page publie la définition, la formule et la règle de diffusion de chaque indicateur, pour que chacun puisse vérifier comment un chiffre a été obtenu.`,
  frameworkVersion: "Version du cadre",
  frameworkDisclosureHeading: "Règle de diffusion",
  frameworkK: (k) => `Dans cette publication, k = ${k}.`,
  frameworkLensesHeading: "Prismes et indicateurs",
  frameworkDataHeading: "Données",
  frameworkDataText: "Tous les chiffres publiés, une ligne par indicateur, année et échelle :",
  noTarget: "aucune cible fixée",
  target: (comparison, value) => (comparison === ">=" ? `au moins ${value}` : `au plus ${value}`),
  disclosureNone: "Publié intégralement",

  changeReadings: { better: "mieux", worse: "moins bien" },
  units: {
    usd: "Dollars américains",
    usd_per_editor: "Dollars américains par contributeur actif",
    share: "Part (pourcentage)",
    index: "Indice",
    count: "Nombre",
    per_1k_usd: "Pour 1 000 dollars américains",
    nats: "Nats (entropie de Shannon)",
  },
  directions: {
    higher_is_better: "Plus c’est élevé, mieux c’est",
    lower_is_better: "Plus c’est bas, mieux c’est",
    context: "Contexte : ni plus haut ni plus bas n’est meilleur",
  },
  scopes: {
    movement: "Mouvement",
    region: "Région",
    hub: "Hub",
    country: "Pays",
  },

  // Pages, preuves de chaque chiffre et cibles (issue #11).
  navCountries: "Pays",
  withheldReasons: {
    "protected-country": "non publié (pays protégé)",
    "protected-seat": "non publié (hub dont le siège est dans un pays protégé)",
  },
  noteWithheld:
    "non publié : rien n’est publié pour un pays de la liste de protection, ni pour un hub dont le siège s’y trouve, car ses chiffres seraient ceux de ce pays.",
  noteFigureLinks: "Chaque chiffre renvoie aux rapports à partir desquels il a été calculé.",
  notAtScope: "non publié à cette échelle",
  targetGap: (position, gap) =>
    position === "on"
      ? "exactement sur la cible"
      : `${gap} ${position === "above" ? "au-dessus de" : "en dessous de"} la cible`,
  targetAt: (target, scopes) =>
    `${target} (${plural(scopes.length, "fr", { one: "échelle", other: "échelles" })} : ${scopeWords(scopes)})`,
  targetOfMovement: (target) => `(cible pour le mouvement : ${target})`,
  disclosureParticipantsAt: (scopes) =>
    `Masqué quand moins de k personnes ont participé, à ${plural(scopes.length, "fr", { one: "l’échelle", other: "ces échelles" })} : ${scopeWords(scopes)}`,
  regionBases: {
    lines: "Région (selon les pays des lignes)",
    seat: "Région (selon le siège des hubs)",
  },
  regionBasisShort: { lines: "selon les pays des lignes", seat: "selon le siège des hubs" },
  regionBasisNote: {
    lines:
      "Le chiffre d’une région compte l’argent et l’activité déclarés dans ses pays, quel que soit le hub.",
    seat: "Le chiffre d’une région compte les hubs dont le siège s’y trouve, où que soient leurs lignes ; les hubs dont le siège est dans un pays protégé en sont exclus.",
  },
  eachHubSummary: (count) =>
    plural(count, "fr", {
      one: `Le chiffre de ${count} hub`,
      many: `Les chiffres de chacun des ${count} de hubs`,
      other: `Les chiffres de chacun des ${count} hubs`,
    }),
  eachCountrySummary: (count) =>
    plural(count, "fr", {
      one: `Le chiffre de ${count} pays`,
      many: `Les chiffres de chacun des ${count} de pays`,
      other: `Les chiffres de chacun des ${count} pays`,
    }),
  tableCaptionHubs: (title) => `${title} : chaque hub, par année`,
  tableCaptionCountries: (title) => `${title} : chaque pays, par année`,
  protectedCountriesNote:
    "Les pays de la liste de protection n’apparaissent pas : rien n’est publié à leur sujet. La page des pays les énumère.",
  columnReportId: "Rapport",
  columnReports: "Rapports",
  columnCountry: "Pays",
  columnThisHub: "Ce hub",
  columnSeatRegion: (region) => `Région de son siège : ${region}`,
  fundReportLabel: "fonds mondial",
  hubReportLabel: "hub",
  noReport: "aucun rapport",
  hubFiguresHeading: "Les chiffres de ce hub",
  hubFiguresCaption: (hub) =>
    `${hub} : chaque indicateur de hub par année, à côté de sa région et de l’ensemble du mouvement`,
  hubFiguresWithheld:
    "Les chiffres de ce hub ne sont pas publiés : son siège est dans un pays de la liste de protection, et ses chiffres seraient ceux de ce pays. Ses rapports comptent toujours dans les chiffres du mouvement, ainsi que dans ceux des régions et des pays où se trouvaient son argent et son activité.",
  hubNoFigures: "Aucun chiffre n’a encore été publié pour ce hub.",
  hubAllocationsWithheld:
    "Non publié : ce que le fonds mondial a alloué à ce hub, et ce qu’il a reçu, seraient des chiffres de son pays.",
  hubNoReportingStatus: "Ce hub n’a été actif au cours d’aucune année comportant des rapports.",
  countriesHeading: "Pays",
  countriesLede:
    "Tous les pays dont des chiffres sont publiés : fonds déployés par contributeur actif, fonds déployés et collectés, transfert net (déployé moins collecté) et participants. Triez le tableau selon la colonne de votre choix.",
  countriesProtectedNote:
    "Les pays de la liste de protection figurent comme non publiés, sans aucun chiffre : rien n’est publié à leur sujet.",
  countriesCaption: (year) => `Pays en ${year}`,
  countriesYearHeading: (year) => `Pays en ${year}`,
  countriesNone: "Aucun chiffre par pays n’a encore été publié.",
  regionsComparisonHeading: (year) => `Toutes les régions côte à côte, ${year}`,
  regionsComparisonCaption: (year) =>
    `Chaque indicateur régional en ${year}, l’ensemble du mouvement en premier comme référence`,
  filterBehind: "Derrière les chiffres de",
  filterAllFigures: "Tous les chiffres",
  frameworkVersions: "Versions publiées",
  frameworkSuppressionScopes: (scopes) =>
    `Les chiffres de résultats sont masqués en dessous de k à ces échelles : ${scopeWords(scopes)}. Le chiffre du mouvement n’est jamais masqué.`,
  frameworkTargetsHeading: "Cibles",
  frameworkTargetsLede:
    "Les seuils fixés par le Conseil mondial, et si le mouvement les a atteints la dernière année.",
  frameworkFieldChangesHeading: "Indicateurs dont la définition a changé",
  frameworkEarlierHeading: "Versions antérieures",
  frameworkEarlierVersion: (version) => `Cadre d’évaluation ${version}`,
  frameworkVersionIndicators: (version) => `Les indicateurs du cadre ${version}`,
  changeConcerns: "Concerne",
  changeConcernsFramework: "le cadre dans son ensemble",
});
