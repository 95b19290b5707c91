import type { Messages } from "./catalogue.js";
import { andList, orList } from "./lists.js";
import { plural } from "./plural.js";

const list = (items: readonly string[]) => items.join("، ");
/** "أ"، "أ وب"، "أ وب وج", from `Intl.ListFormat`. */
const joinAr = (items: readonly string[]) => andList(items, "ar");

/** "N earlier versions", in the form `Intl.PluralRules` chooses for the count (zero, one, two, few, many, other). */
function earlierVersions(count: number): string {
  return plural(count, "ar", {
    zero: "لا إصدارات سابقة",
    one: "إصدار سابق واحد",
    two: "إصداران سابقان",
    few: `${count} إصدارات سابقة`,
    many: `${count} إصدارًا سابقًا`,
    other: `${count} إصدار سابق`,
  });
}

/** "N reports: show the list", in the form `Intl.PluralRules` chooses for the count. */
function reportsCount(count: number): string {
  const reports = plural(count, "ar", {
    zero: "لا تقارير",
    one: "تقرير واحد",
    two: "تقريران",
    few: `${count} تقارير`,
    many: `${count} تقريرًا`,
    other: `${count} تقرير`,
  });
  return `${reports}: عرض القائمة`;
}

/**
 * The Arabic catalogue (right to left). Numbers follow CLDR's `ar` locale, whose default numbering
 * system is Western digits (`latn`, since CLDR 42; Arabic-Indic digits are the default of regional
 * locales such as `ar-EG` and `ar-SA`), with its own signs: `‎-` for minus, `‎%‎`, `US$` after the amount.
 */
export const ar: Messages = {
  lang: "ar",
  numberLocale: "ar",
  dateLocale: "ar",

  dir: "rtl",
  languageName: "العربية",
  languageNav: "اللغة",
  colon: ": ",

  navRegions: "المناطق",
  navHubs: "المراكز",
  navEvidence: "الأدلة",
  navMain: "الصفحات",

  filtersLegend: "عرض",
  filterYear: "السنة",
  filterRegion: "إبراز منطقة",
  filterAllRegions: "كل المناطق",
  filterHub: "المركز",
  filterAllHubs: "كل المراكز",
  filterAllYears: "كل السنوات",
  filterShareHint: "يحتفظ عنوان هذه الصفحة باختيارك، لذا يمكنك مشاركته.",

  downloadCsv: "البيانات (CSV)",
  evidenceLink: "التقارير التي تستند إليها هذه الأرقام",
  showTable: "جدول البيانات",

  columnYear: "السنة",
  columnNote: "ملاحظة",
  columnRegion: "المنطقة",
  columnPart: "المكوّن",
  columnSeries: "السلسلة",
  columnDirection: "الاتجاه",
  columnHub: "المركز",
  columnAllocated: "ما خصصه الصندوق العالمي",
  columnReceived: "ما أفاد المركز بتسلّمه",
  columnGap: "الفرق (المتسلَّم − المخصَّص)",
  columnState: "الحالة",
  columnFinancial: "المالية",
  columnImpact: "الأثر",
  columnIndicator: "المؤشر",
  columnScope: "النطاق",
  columnKind: "النوع",
  columnPeriod: "الفترة",
  columnUploaded: "تاريخ الرفع (UTC)",
  columnRows: "الصفوف",
  columnSha: "SHA-256",
  columnVersions: "الإصدارات السابقة",
  columnRegionsFed: "المناطق التي يغذّي أرقامها",
  columnMovement: "الحركة",

  chartSuppressedReason: (k) => `محجوب: عدد المشاركين في المنطقة في تلك السنة أقل من ${k}`,
  chartLorenzTitle: (year, gini) =>
    gini === null
      ? `التمويل لكل محرر عبر البلدان، ${year}`
      : `التمويل لكل محرر عبر البلدان، ${year}: Gini ${gini}`,
  describeLorenz: (year, bottomHalf, topTenth, title) =>
    `${title}. في عام ${year}، حصل نصف المحررين الموجودين في البلدان الأقل تمويلًا على ${bottomHalf} من الأموال المنفقة، وحصل العُشر الموجود في البلدان الأكثر تمويلًا على ${topTenth}. يمثل الخط المتقطع تمويلًا متساويًا لكل محرر.`,
  axisEditorShare: "نسبة المحررين النشطين (البلدان مرتبة من الأقل إلى الأكثر تمويلًا لكل محرر)",
  axisFundingShare: "نسبة الأموال المنفقة",
  lorenzCaption: "منحنى لورنز للتمويل لكل محرر، عند كل 5% من المحررين",
  theilBetween: "بين المناطق",
  theilWithin: "داخل المناطق",
  chartTheilTitle: (first, last) =>
    first === last ? `مؤشر Theil حسب المكوّن، ${first}` : `مؤشر Theil حسب المكوّن، ${first}–${last}`,
  describeTheil: (years) =>
    `مؤشر Theil للتمويل لكل محرر، مقسومًا إلى مكوّن بين المناطق ومكوّن داخلها. ${years.join(" ")}`,
  describeTheilYear: (year, total, between, within) =>
    `${year}: ${total} إجمالًا، منها ${between} بين المناطق و${within} داخلها.`,
  seriesRaised: "المبالغ المجمَّعة",
  seriesDeployed: "المبالغ المنفَقة",
  chartRaisedDeployedTitle: (year) => `الأموال المجمَّعة والمنفَقة حسب المنطقة، ${year}`,
  describeRaisedDeployed: (year, regions) =>
    `الأموال المجمَّعة والمنفَقة في كل منطقة في عام ${year}. ${regions.join(" ")}`,
  describeRaisedDeployedRegion: (label, raised, deployed) => `${label}: جُمع ${raised}، وأُنفق ${deployed}.`,
  netReceives: "تتلقى أكثر مما تجمع",
  netGives: "تجمع أكثر مما تتلقى",
  axisNetTransfer: "صافي التحويل (المنفَق − المجمَّع)",
  netTransferNote: "يمين الصفر: المنطقة تتلقى أكثر مما تجمع؛ يساره: تعطي أكثر مما تتلقى",
  chartNetTransferTitle: (year) => `صافي التحويلات حسب المنطقة، ${year}`,
  describeNetTransfer: (year, points) =>
    `صافي التحويل لكل منطقة في عام ${year}، أي المنفَق ناقص المجمَّع: ${points.join("؛ ")}.`,
  allocationStates: {
    matched: "متطابق",
    gap: "فارق",
    "not-reported": "لم يُبلغ عنه المركز",
    "not-allocated": "لا يوجد تخصيص مسجَّل",
  },
  chartReconciliationTitle: (year) => `مخصصات الصندوق العالمي مقابل ما تسلّمته المراكز، ${year}`,
  describeReconciliation: (year, hubs, flagged) =>
    flagged.length === 0
      ? hubs === 1
        ? `في عام ${year}، يتطابق ما أفاد المركز الوحيد بتسلّمه مع مخصصات الصندوق العالمي.`
        : `في عام ${year}، يتطابق ما أفادت جميع المراكز (${hubs}) بتسلّمه مع مخصصات الصندوق العالمي.`
      : `في عام ${year}، لا تتطابق أرقام ${flagged.length === 1 ? "مركز واحد" : flagged.length} من المراكز البالغ عددها ${hubs} مع مخصصات الصندوق العالمي: ${flagged.join("؛ ")}.`,
  reconciliationNote: "الفارق اختلاف بين التقريرين يزيد على 1% (ولا يقل عن دولار أمريكي واحد)",
  axisAllocationGap: "المتسلَّم ناقص المخصَّص",
  reconciliationCaption: "مخصصات الصندوق العالمي وما تسلّمته المراكز، حسب السنة والمركز",
  reconciliationHeading: "مطابقة مخصصات الصندوق العالمي",
  reconciliationLede:
    "ما يفيد الصندوق العالمي بأنه خصصه لكل مركز، مقابل ما يفيد المركز بأنه تسلّمه. تُرصد الفوارق دون إصدار أحكام عليها: فقد يفسّرها تقرير متأخر أو سعر صرف أو خطأ.",
  reportingStates: { complete: "مكتمل", partial: "جزئي", missing: "غير مقدَّم" },
  chartReportingGridTitle: (first, last) =>
    first === last ? `تقديم التقارير حسب المركز، ${first}` : `تقديم التقارير حسب المركز، ${first}–${last}`,
  describeReportingYear: (year, counts) =>
    `${year} — ${counts.map(([label, count]) => `${label}: ${count}`).join("، ")}.`,
  describeReportingGrid: (years, lastYear, notComplete) =>
    `يبيّن هذا الرسم ما إذا كان كل مركز نشط قد قدّم تقاريره المالية وتقارير الأثر كاملة. ${years.join(" ")}${
      notComplete.length > 0 ? ` غير مكتملة في عام ${lastYear}: ${notComplete.join("؛ ")}.` : ""
    }`,
  reportingGridNote: "✓ مكتمل: تقرير سنوي أو التقارير الفصلية الأربعة، للمالية وللأثر؛ ◐ جزئي؛ ✗ غير مقدَّم",
  chartRegionMoneyTitle: (first, last) =>
    first === last ? `الأموال المجمَّعة والمنفَقة، ${first}` : `الأموال المجمَّعة والمنفَقة، ${first}–${last}`,
  describeRegionMoney: (region, years) =>
    `الأموال المجمَّعة والمنفَقة في ${region}، حسب السنة. ${years.join(" ")}`,
  chartRegionSharesTitle: (year) => `النسب مقارنة بالحركة كلها، ${year}`,
  describeRegionShares: (region, year, items) =>
    `${region} مقارنة بالحركة كلها في عام ${year}: ${items.join("؛ ")}.`,
  describeVersus: (indicator, region, movement) => `${indicator}: ${region} (الحركة: ${movement})`,

  summaryMovementBars: "يمثل كل عمود رقم الحركة كلها في سنة واحدة؛ وتبدأ الأعمدة من الصفر.",
  summaryMovementLine: "يصل الخط بين أرقام الحركة كلها سنة بعد سنة، على محور يبدأ من الصفر.",
  summaryMovementShareLine: "يصل الخط بين نسب الحركة كلها سنة بعد سنة، على محور من 0 إلى 100%.",
  summaryByRegion:
    "يمثل كل عمود رقم منطقة في السنة المعروضة، من الأكبر إلى الأصغر، بدءًا من الصفر؛ والخط المتقطع هو رقم الحركة كلها.",
  summaryByRegionAmount:
    "يمثل كل عمود رقم منطقة في السنة المعروضة، من الأكبر إلى الأصغر، بدءًا من الصفر؛ ومجموعها هو إجمالي الحركة.",
  summaryRegionsOverTime: "لوحة لكل منطقة، كلها على المقياس نفسه بدءًا من الصفر: رقم المنطقة سنة بعد سنة.",
  summaryRegionsOverTimeShare:
    "لوحة لكل منطقة، كلها على المقياس نفسه من 0 إلى 100%: نسبة المنطقة سنة بعد سنة.",
  chartRegionsOverTimeMovement: "الخط المتقطع في كل لوحة هو الحركة كلها.",
  summaryLorenz:
    "يجمع المنحنى نسبة الأموال المنفَقة مقابل نسبة المحررين النشطين، والبلدان مرتبة من الأقل إلى الأكثر تمويلًا لكل محرر. ويمثل القطر المتقطع تمويلًا متساويًا لكل محرر: كلما ابتعد المنحنى تحته، زاد التفاوت في التمويل.",
  summaryTheil:
    "يمثل كل عمود مؤشر Theil لسنة واحدة، مقسومًا إلى مكوّن بين المناطق ومكوّن داخلها؛ وتبدأ الأعمدة من الصفر.",
  summaryRaisedDeployed:
    "لكل منطقة في السنة المعروضة، الأموال المجمَّعة فيها إلى جانب الأموال المنفَقة فيها؛ وتبدأ الأعمدة من الصفر.",
  summaryNetTransfer:
    "لكل منطقة في السنة المعروضة، الأموال المنفَقة ناقص الأموال المجمَّعة، من الأكبر إلى الأصغر: الأعمدة يمين الصفر تتلقى أكثر مما تجمع، والأعمدة يساره تجمع أكثر مما تتلقى.",
  summaryReconciliation:
    "تمثل كل نقطة مركزًا في السنة المعروضة: ما يفيد بتسلّمه ناقص ما خصصه له الصندوق العالمي. والنقاط الواقعة على خط الصفر متطابقة.",
  summaryReportingGrid:
    "صف لكل مركز وعمود لكل سنة: هل قدّم المركز تقاريره المالية وتقارير الأثر كاملة في تلك السنة.",
  summaryRegionMoney:
    "الأموال المجمَّعة في المنطقة إلى جانب الأموال المنفَقة فيها، سنة بعد سنة؛ وتبدأ الأعمدة من الصفر.",
  summaryRegionShares:
    "يمثل كل صف نسبة، على مقياس من 0 إلى 100%: المنطقة (دائرة) إلى جانب الحركة كلها (معيّن).",
  chartTargetNote: (target) => `الخط المتقطع: الهدف، ${target}`,
  chartNarrowRange: (low, high, first, last) =>
    `من ${first} إلى ${last} يبقى الرقم بين ${low} و${high}؛ ويبدأ المحور من الصفر، لذا لا يكاد يظهر تغير بهذا الصغر`,
  chartNarrowRangeRegions: (low, high) =>
    `تقع كل الأرقام بين ${low} و${high}؛ وتبدأ المحاور من الصفر، لذا لا تكاد تظهر فروق بهذا الصغر`,

  headlineStatement: (indicator, value, year) => {
    switch (indicator) {
      case "deployed_usd":
        return `أنفقت الحركة ${value} في عام ${year}`;
      case "deployed_per_editor_usd":
        return `أُنفق ${value} لكل محرر نشط في عام ${year}`;
      case "global_south_share":
        return `وصلت نسبة ${value} من الأموال المنفَقة إلى الجنوب العالمي في عام ${year}`;
      case "funding_gini":
        return `بلغ معامل Gini للتمويل لكل محرر عبر البلدان ${value} في عام ${year}`;
      case "funding_theil":
        return `بلغ مؤشر Theil للتمويل لكل محرر ${value} في عام ${year}`;
      case "underrepresented_grant_share":
        return `ذهبت نسبة ${value} من أموال المنح إلى المجتمعات ناقصة التمثيل في عام ${year}`;
      case "local_revenue_share":
        return `جمعت المراكز بنفسها نسبة ${value} من إيراداتها في عام ${year}`;
      case "board_global_south_share":
        return `كانت نسبة ${value} من أعضاء مجالس إدارة المراكز من الجنوب العالمي في عام ${year}`;
      case "board_women_share":
        return `كانت نسبة ${value} من أعضاء مجالس إدارة المراكز من النساء في عام ${year}`;
      case "participants":
        return `بلغ عدد المشاركين ${value} في عام ${year}`;
      case "newcomer_share":
        return `كانت نسبة ${value} من المشاركين من القادمين الجدد في عام ${year}`;
      case "gender_diverse_share":
        return `كانت نسبة ${value} من المشاركين الذين ذكروا نوعهم الاجتماعي من النساء أو الأشخاص غير الثنائيين في عام ${year}`;
      case "content_per_1k_usd":
        return `بلغ عدد عناصر المحتوى المُنشأة لكل 1,000 دولار أمريكي منفَق ${value} في عام ${year}`;
      case "raised_usd":
        return `جمعت الحركة ${value} في عام ${year}`;
      case "redistribution_intensity":
        return `أُعيد توزيع نسبة ${value} من الأموال المنفَقة بين المناطق في عام ${year}`;
      case "reporting_rate":
        return `قدّمت نسبة ${value} من المراكز النشطة تقاريرها كاملة عن عام ${year}`;
      default:
        return null;
    }
  },
  headlineGeneric: (title, value, year) => `${title}: ${value} في عام ${year}`,
  comparedWith: (trend, previous, previousYear) =>
    trend === "unchanged"
      ? `، دون تغيير عن عام ${previousYear}`
      : `، ${trend === "up" ? "ارتفاعًا" : "انخفاضًا"} من ${previous} في عام ${previousYear}`,
  targetMet: "تحقق الهدف",
  targetMissed: "لم يتحقق الهدف",
  targetLabel: (target) => `الهدف: ${target}`,
  headlineCurrent: "أحدث رقم",

  regionsHeading: "المناطق",
  regionsLede:
    "جميع المناطق جنبًا إلى جنب في كل مؤشرات المناطق، والحركة كلها مرجعًا. وتعرض صفحة كل منطقة أرقامها عبر السنين ومراكزها والتقارير التي تستند إليها.",
  regionLede: (region, year) =>
    year === null
      ? `لم تُنشر أي أرقام عن ${region} بعد.`
      : `أرقام ${region} حتى عام ${year}، إلى جانب أرقام الحركة كلها.`,
  regionFiguresHeading: "جميع مؤشرات هذه المنطقة",
  regionHubsHeading: "المراكز التي تتخذ من هذه المنطقة مقرًا",
  regionNoHubs: "لا يوجد مركز مقره في هذه المنطقة.",
  regionEvidenceHeading: "التقارير التي تستند إليها أرقام هذه المنطقة",
  regionFiguresCaption: (region) => `${region}: جميع المؤشرات الإقليمية حسب السنة، مع أحدث رقم للحركة`,
  hubsHeading: "المراكز",
  hubsLede: "جميع المراكز في السجل الحالي: كيف تقدّم تقاريرها، وما خصصه لها الصندوق العالمي.",
  hubLede: (kind, region) => (region === null ? `مركز ${kind}.` : `مركز ${kind} مقره في ${region}.`),
  hubKinds: { regional: "إقليمي", thematic: "موضوعي", linguistic: "لغوي", global: "الصندوق العالمي" },
  hubSeat: "المقر",
  hubSeatWithheld: "محجوب (بلد محمي)",
  hubRegion: "المنطقة",
  hubActive: "فترة النشاط",
  hubActiveYears: (from, to) => (to === null ? `منذ ${from}` : `${from}–${to}`),
  hubReportingHeading: "التقارير حسب السنة",
  hubAllocationsHeading: "مخصصات الصندوق العالمي والمبالغ المتسلَّمة",
  hubNoAllocations: "لم يُبلَّغ عن أي تخصيص لهذا المركز ولا عن أي مبلغ تسلّمه.",
  hubReportsHeading: "التقارير",
  hubNoReports: "ليس لهذا المركز تقارير مقبولة.",
  hubRegionContext: "أرقام المنطقة التي يقع فيها مقر المركز",
  evidenceHeading: "الأدلة",
  evidenceLede:
    "كل التقارير المقبولة التي تُحسب منها الأرقام: من رفع كلًا منها ومتى، وحجمه وقيمة SHA-256 الخاصة به، ليتمكن كل من لديه الملف من التحقق من أنه الملف المستخدم. وتُدرج الإصدارات السابقة التي حل محلها رفع أحدث مع التقرير الذي حل محلها.",
  evidenceYearHeading: (year) => `تقارير عام ${year}`,
  evidenceReferenceHeading: "البيانات المرجعية",
  evidenceReferenceLede: "سجل المراكز وأسعار الصرف التي يتولى المجلس العالمي تحديثها.",
  evidenceNone: "لا توجد تقارير مطابقة.",
  statusCurrent: "حالي",
  statusSuperseded: "مُستبدَل",
  supersededBy: (reportId) => `حل محله ${reportId}`,
  earlierVersions,
  reportsCount,
  reportKinds: { financial: "مالي", impact: "أثر", hubs: "سجل المراكز", fx_rates: "أسعار الصرف" },
  frameworkChangesHeading: "ما الذي تغيّر",
  frameworkChangesLede: (from, to) => `التغييرات بين الإصدار ${from} والإصدار ${to} من الإطار.`,
  frameworkAdded: "أُضيف",
  frameworkRemoved: "أُزيل",
  frameworkChanged: (fields) => `تغيّر: ${joinAr(fields)}`,
  frameworkFieldNames: {
    lens: "المنظور",
    title: "العنوان",
    definition: "التعريف",
    formula: "الصيغة",
    unit: "الوحدة",
    direction: "طريقة القراءة",
    target: "الهدف",
    scopes: "مستويات النشر",
    region_by: "طريقة احتساب المناطق",
    disclosure: "الإفصاح",
  },
  frameworkUnchanged: "لم يتغير أي مؤشر.",
  frameworkOnlyVersion: "هذا أول إصدار منشور من الإطار.",
  printedFrom: "طُبع من",

  siteTitle: "مرصد الإنصاف",
  siteTagline: "كيف تُتقاسم موارد الحركة وتُدار وتُستخدم",
  skipToContent: "انتقل إلى المحتوى",
  navLabel: "الموقع",
  navOverview: "نظرة عامة",
  navFramework: "الإطار",
  pageTitle: (page) => `${page} · مرصد الإنصاف`,

  footerFramework: (version) => `إطار التقييم ${version}`,
  footerGenerated: "أُنشئ في",
  footerData: "كل الأرقام المنشورة (JSON)",
  footerNoScript: "يعمل هذا الموقع دون JavaScript؛ ويلي كل رسم بياني جدول بياناته.",

  overviewHeading: "الحركة في لمحة",
  overviewLede: (year, version) =>
    `الأرقام الرئيسية للحركة كلها في عام ${year}، محسوبة وفق إطار التقييم ${version}، ومدى تغيرها عن السنة السابقة.`,
  overviewEmpty: "لم تُنشر أي أرقام بعد.",
  overviewLensLink: (lens) => `جميع مؤشرات منظور «${lens}»`,
  disclosureNote: (k, scopes) =>
    `لحماية المشاركين، تُحجب أرقام النتائج الخاصة بأي ${orList(
      scopes.map((scope) => ({ movement: "حركة", region: "منطقة", hub: "مركز", country: "بلد" })[scope]),
      "ar",
    )} يقل عدد المشاركين فيه عن ${k}، ولا يُنشر أي شيء عن البلدان المدرجة في قائمة الحماية${scopes.includes("hub") ? " ولا عن المراكز التي يقع مقرها فيها" : ""}.`,
  headlineChange: (trend, magnitude, previousYear) =>
    `${trend === "up" ? "ارتفاع" : "انخفاض"} بمقدار ${magnitude} مقارنة بعام ${previousYear}`,
  headlineUnchanged: (previousYear) => `دون تغيير مقارنة بعام ${previousYear}`,
  headlineNoPrevious: (previousYear) => `لا يوجد رقم لعام ${previousYear} للمقارنة`,
  percentagePoints: (magnitude) => `${magnitude} نقطة مئوية`,
  regionOnly: "يُنشر على مستوى المناطق فقط",

  lensContents: "المؤشرات في هذا المنظور",
  indicatorNoRows: "لم تُنشر أي أرقام لهذا المؤشر بعد.",
  fieldUnit: "الوحدة",
  fieldDirection: "طريقة القراءة",
  fieldScopes: "يُنشر على مستوى",
  fieldIdentifier: "المعرّف",
  fieldLens: "المنظور",
  fieldDefinition: "التعريف",
  fieldFormula: "الصيغة",
  fieldTarget: "الهدف",
  fieldDisclosure: "الإفصاح",
  specLink: "مواصفات الرسم البياني (Vega-Lite JSON)",
  frameworkLink: "كيف تُعرَّف المؤشرات",
  tableCaption: (title) => `${title}: الأرقام حسب السنة`,
  tableScopeColumn: "النطاق",
  tableGroupHubs: "المراكز",
  tableGroupCountries: "البلدان",
  noteSuppressed: (k) => `محجوب: عدد المشاركين أقل من ${k}، لذا لا يُنشر الرقم.`,
  noteNoValue: "لا قيمة: كان المقام صفرًا، لذا فالرقم غير معرَّف.",
  noteNoData: "لا بيانات: لم يُحسب أي رقم لتلك السنة.",

  suppressed: "محجوب",
  noValue: "لا قيمة",
  noData: "لا بيانات",

  chartMovementTitle: (first, last) => (first === last ? `الحركة، ${first}` : `الحركة، ${first}–${last}`),
  chartByRegionTitle: (year) => `حسب المنطقة، ${year}`,
  chartByRegionMovementTitle: (year, movement) => `حسب المنطقة، ${year} (الحركة: ${movement})`,
  chartRegionsOverTimeTitle: (first, last) =>
    first === last ? `حسب المنطقة، ${first}` : `حسب المنطقة، ${first}–${last}`,
  chartSuppressed: (k, items) => `محجوب (عدد المشاركين أقل من ${k}): ${list(items)}`,
  chartNoValue: (items) => `لا قيمة (كان المقام صفرًا): ${list(items)}`,
  chartMissingFrom: (year, items) => `لا بيانات لعام ${year}: ${list(items)}`,
  describeMovementChart: (indicator, points) => `${indicator} للحركة كلها، حسب السنة: ${points.join("؛ ")}.`,
  describeByRegionChart: (indicator, year, points) =>
    `${indicator} حسب المنطقة في عام ${year}: ${points.join("؛ ")}.`,
  describeRegionsOverTimeChart: (indicator, series) => `${indicator} حسب المنطقة والسنة. ${series.join(" ")}`,
  describePoint: (label, value) => `${label}: ${value}`,
  describeSeries: (region, points) => `${region}، ${points.join("؛ ")}.`,
  describeTail: "يعرض جدول البيانات أدناه جميع الأرقام.",

  frameworkHeading: "إطار التقييم",
  frameworkLede: (version) =>
    `تُحسب كل الأرقام في هذا الموقع وفق إطار التقييم ${version}. تنشر هذه الصفحة تعريف كل مؤشر وصيغته وقاعدة الإفصاح الخاصة به، ليتمكن أي شخص من التحقق من طريقة الوصول إلى أي رقم.`,
  frameworkVersion: "إصدار الإطار",
  frameworkDisclosureHeading: "قاعدة الإفصاح",
  frameworkK: (k) => `في هذه النسخة المنشورة، k = ${k}.`,
  frameworkLensesHeading: "المنظورات والمؤشرات",
  frameworkDataHeading: "البيانات",
  frameworkDataText: "كل الأرقام المنشورة، بصف واحد لكل مؤشر وسنة ونطاق:",
  noTarget: "لم يُحدَّد هدف",
  target: (comparison, value) => (comparison === ">=" ? `${value} على الأقل` : `${value} على الأكثر`),
  disclosureNone: "يُنشر كاملًا",

  changeReadings: { better: "أفضل", worse: "أسوأ" },
  units: {
    usd: "دولار أمريكي",
    usd_per_editor: "دولار أمريكي لكل محرر نشط",
    share: "نسبة (مئوية)",
    index: "مؤشر",
    count: "عدد",
    per_1k_usd: "لكل 1,000 دولار أمريكي",
    nats: "نات (إنتروبيا شانون)",
  },
  directions: {
    higher_is_better: "الأعلى أفضل",
    lower_is_better: "الأدنى أفضل",
    context: "للسياق: ليس الأعلى أفضل ولا الأدنى",
  },
  scopes: {
    movement: "الحركة",
    region: "المنطقة",
    hub: "المركز",
    country: "البلد",
  },

  // الصفحات والأدلة وراء كل رقم والأهداف (issue #11).
  navCountries: "البلدان",
  withheldReasons: {
    "protected-country": "محجوب (بلد محمي)",
    "protected-seat": "محجوب (مركز مقره في بلد محمي)",
  },
  noteWithheld:
    "محجوب: لا يُنشر أي شيء عن بلد مدرج في قائمة الحماية ولا عن مركز يقع مقره فيه، لأن أرقامه ستكون أرقام ذلك البلد.",
  noteFigureLinks: "كل رقم يحيل إلى التقارير التي حُسب منها.",
  notAtScope: "لا يُنشر على هذا المستوى",
  targetGap: (position, gap) =>
    position === "on"
      ? "عند الهدف تمامًا"
      : `${position === "above" ? "أعلى من" : "أدنى من"} الهدف بمقدار ${gap}`,
  targetAt: (target, scopes) => `${target}، على مستوى ${joinAr(scopes)}`,
  targetOfMovement: (target) => `(الهدف على مستوى الحركة: ${target})`,
  disclosureParticipantsAt: (scopes) => `يُحجب على مستوى ${joinAr(scopes)} عندما يقل عدد المشاركين عن k`,
  regionBases: {
    lines: "المنطقة (حسب بلدان البنود)",
    seat: "المنطقة (حسب مقار المراكز)",
  },
  regionBasisShort: { lines: "حسب بلدان البنود", seat: "حسب مقار المراكز" },
  regionBasisNote: {
    lines: "يحتسب رقم المنطقة الأموال والأنشطة المبلَّغ عنها في بلدانها، من أي مركز.",
    seat: "يحتسب رقم المنطقة المراكز التي تتخذ منها مقرًا أينما كانت بنودها؛ وتُستبعد المراكز التي يقع مقرها في بلد محمي.",
  },
  eachHubSummary: (count) =>
    plural(count, "ar", { one: "رقم مركز واحد", other: `أرقام كل مركز من المراكز (${count})` }),
  eachCountrySummary: (count) =>
    plural(count, "ar", { one: "رقم بلد واحد", other: `أرقام كل بلد من البلدان (${count})` }),
  tableCaptionHubs: (title) => `${title}: كل مركز حسب السنة`,
  tableCaptionCountries: (title) => `${title}: كل بلد حسب السنة`,
  protectedCountriesNote:
    "لا تظهر البلدان المدرجة في قائمة الحماية: لا يُنشر أي شيء عنها. وتسردها صفحة البلدان.",
  columnReportId: "التقرير",
  columnReports: "التقارير",
  columnCountry: "البلد",
  columnThisHub: "هذا المركز",
  columnSeatRegion: (region) => `منطقة مقره: ${region}`,
  fundReportLabel: "الصندوق العالمي",
  hubReportLabel: "المركز",
  noReport: "لا تقرير",
  hubFiguresHeading: "أرقام هذا المركز",
  hubFiguresCaption: (hub) => `${hub}: كل مؤشر على مستوى المركز حسب السنة، إلى جانب منطقته والحركة كلها`,
  hubFiguresWithheld:
    "أرقام هذا المركز محجوبة: يقع مقره في بلد مدرج في قائمة الحماية، وأرقامه ستكون أرقام ذلك البلد. وتبقى تقاريره محتسبة في أرقام الحركة، وفي أرقام المناطق والبلدان التي كانت فيها أمواله وأنشطته.",
  hubNoFigures: "لم تُنشر أي أرقام عن هذا المركز بعد.",
  hubAllocationsWithheld: "محجوب: ما خصصه الصندوق العالمي لهذا المركز وما تلقاه سيكونان من أرقام بلده.",
  hubNoReportingStatus: "لم يكن هذا المركز نشطًا في أي سنة فيها تقارير.",
  countriesHeading: "البلدان",
  countriesLede:
    "كل بلد له أرقام منشورة: الأموال المنفَقة لكل محرر نشط، والأموال المنفَقة والمجمَّعة، وصافي التحويل (المنفَق ناقص المجمَّع)، والمشاركون. يمكن ترتيب الجدول حسب أي عمود.",
  countriesProtectedNote:
    "تُدرج البلدان المشمولة بقائمة الحماية على أنها محجوبة، بلا أي رقم: لا يُنشر أي شيء عنها.",
  countriesCaption: (year) => `البلدان في عام ${year}`,
  countriesYearHeading: (year) => `البلدان في عام ${year}`,
  countriesNone: "لم تُنشر أي أرقام حسب البلد بعد.",
  regionsComparisonHeading: (year) => `جميع المناطق جنبًا إلى جنب، ${year}`,
  regionsComparisonCaption: (year) => `كل مؤشرات المناطق في عام ${year}، والحركة كلها أولًا مرجعًا`,
  filterBehind: "وراء أرقام",
  filterAllFigures: "جميع الأرقام",
  frameworkVersions: "الإصدارات المنشورة",
  frameworkSuppressionScopes: (scopes) =>
    `تُحجب أرقام النتائج تحت k على هذه المستويات: ${joinAr(scopes)}. ولا يُحجب رقم الحركة أبدًا.`,
  frameworkTargetsHeading: "الأهداف",
  frameworkTargetsLede: "العتبات التي حددها المجلس العالمي، وهل بلغتها الحركة في السنة الأخيرة.",
  frameworkFieldChangesHeading: "المؤشرات التي تغيّر تعريفها",
  frameworkEarlierHeading: "الإصدارات السابقة",
  frameworkEarlierVersion: (version) => `إطار التقييم ${version}`,
  frameworkVersionIndicators: (version) => `مؤشرات الإطار ${version}`,
  changeConcerns: "يخص",
  changeConcernsFramework: "الإطار ككل",
};
