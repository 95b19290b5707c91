import type { Framework } from "../../../functions/core/framework/framework.js";
import type { Messages } from "../../i18n/catalogue.js";
import { formatTimestamp } from "../../i18n/format.js";
import { html, type SafeHtml } from "../../web/html.js";
import { COUNTRIES_FILE } from "../../web/paths.js";
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from "../../web/security.js";
import { publishesCountries } from "./scope-names.js";

/** A language the site is published in, and the folder its pages live in ("" for the first). */
export interface SiteLanguage {
  readonly code: string;
  readonly messages: Messages;
  /** Folder of the language's pages relative to the site root, with a trailing slash, or "". */
  readonly folder: string;
}

/** What every page shares: the framework, when the site was generated, and the language. */
export interface PageContext {
  readonly framework: Framework;
  readonly generatedAt: string;
  readonly messages: Messages;
  /** Every language of the site, the first at the root. */
  readonly languages: readonly SiteLanguage[];
  /** The language of this page. */
  readonly language: SiteLanguage;
}

/** A page of the site: its file, its title and its main content. */
export interface Page {
  /** File name within the language's folder, which is also the link to it. */
  readonly file: string;
  /** Heading text for `<title>` and the nav. */
  readonly title: string;
  readonly main: SafeHtml;
  /** The nav entry to mark as current, when the page is below one (a region page is under Regions). */
  readonly section?: string;
  /** Whether the page loads the browser script: it has filters or charts that follow them. */
  readonly scripted?: boolean;
}

/** The files every page loads from the site root, by their content-hashed names (see `hashedPath`). */
export interface SiteAssets {
  readonly stylesheet: string;
  readonly script: string;
  readonly favicon: string;
}

/** The path from a language's folder back to the site root, where the shared files are. */
export function rootOf(language: SiteLanguage): string {
  return language.folder === "" ? "" : "../".repeat(language.folder.split("/").length - 1);
}

/** The nav entries, in order: the overview, each lens, regions, countries (where published), hubs, evidence, the framework. */
export function navigation(context: PageContext): { file: string; label: string }[] {
  const { framework, messages } = context;
  return [
    { file: "index.html", label: messages.navOverview },
    ...framework.lenses.map((lens) => ({ file: `${lens.id}.html`, label: lens.title })),
    { file: "regions.html", label: messages.navRegions },
    ...(publishesCountries(framework.indicators)
      ? [{ file: COUNTRIES_FILE, label: messages.navCountries }]
      : []),
    { file: "hubs.html", label: messages.navHubs },
    { file: "evidence.html", label: messages.navEvidence },
    { file: "framework.html", label: messages.navFramework },
  ];
}

function languageSwitcher(page: Page, context: PageContext): SafeHtml | string {
  if (context.languages.length < 2) return "";
  const back = rootOf(context.language);
  const links = context.languages.map((language) =>
    language.code === context.language.code
      ? html`<li><a href="${page.file}" aria-current="true" lang="${language.code}" hreflang="${language.code}">${language.messages.languageName}</a></li>`
      : html`<li><a href="${back}${language.folder}${page.file}" lang="${language.code}" hreflang="${language.code}">${language.messages.languageName}</a></li>`,
  );
  return html`<nav class="languages" aria-label="${context.messages.languageNav}"><ul>${links}</ul></nav>`;
}

/** A complete HTML document around a page's main content: header, nav, footer, CSP, stylesheet, favicon and script. */
export function renderPage(page: Page, context: PageContext, assets: SiteAssets): string {
  const { framework, generatedAt, messages, language } = context;
  const root = rootOf(language);
  const current = page.section ?? page.file;
  const nav = navigation(context).map(
    (entry) =>
      html`<li><a href="${entry.file}"${entry.file === current ? html` aria-current="page"` : ""}>${entry.label}</a></li>\n`,
  );
  const alternates = context.languages.map(
    (other) =>
      html`<link rel="alternate" hreflang="${other.code}" href="${root}${other.folder}${page.file}">\n`,
  );
  const document = html`<!doctype html>
<html lang="${messages.lang}" dir="${messages.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="${REFERRER_POLICY}">
<title>${messages.pageTitle(page.title)}</title>
<link rel="stylesheet" href="${root}${assets.stylesheet}">
<link rel="icon" href="${root}${assets.favicon}" type="image/svg+xml">
${alternates}${
  page.scripted
    ? html`<script type="module" src="${root}${assets.script}"></script>
`
    : ""
}</head>
<body>
<a class="skip-link" href="#main">${messages.skipToContent}</a>
<header class="site-header">
<div class="wrap site-header-inner">
<a class="brand" href="index.html">${messages.siteTitle}</a>
<p class="tagline">${messages.siteTagline}</p>
${languageSwitcher(page, context)}
</div>
<nav class="site-nav" aria-label="${messages.navLabel}">
<ul class="wrap">
${nav}</ul>
</nav>
</header>
<main id="main" class="wrap">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${messages.footerFramework(framework.version)} · ${messages.footerGenerated} <time datetime="${generatedAt}">${formatTimestamp(generatedAt, messages)}</time></p>
<p><a href="${root}data/indicators.json">${messages.footerData}</a> · <a href="framework.html">${messages.frameworkLink}</a> · <a href="evidence.html">${messages.navEvidence}</a></p>
<p>${messages.footerNoScript}</p>
</div>
</footer>
</body>
</html>
`;
  return document.markup;
}
