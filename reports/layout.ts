import type { Framework } from "../functions/core/framework/framework.js";
import { formatTimestamp } from "./format.js";
import { html, type SafeHtml } from "./html.js";
import type { Messages } from "./messages.js";
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from "./security.js";

/** What every page shares: the framework, when the site was generated, and the language. */
export interface PageContext {
  readonly framework: Framework;
  readonly generatedAt: string;
  readonly messages: Messages;
}

/** A page of the site: its file, its title and its main content. */
export interface Page {
  /** File name at the site root, which is also the link to it. */
  readonly file: string;
  /** Heading text for `<title>` and the nav. */
  readonly title: string;
  readonly main: SafeHtml;
}

/** The nav entries, in order: the overview, each lens, the framework. */
export function navigation(context: PageContext): { file: string; label: string }[] {
  const { framework, messages } = context;
  return [
    { file: "index.html", label: messages.navOverview },
    ...framework.lenses.map((lens) => ({ file: `${lens.id}.html`, label: lens.title })),
    { file: "framework.html", label: messages.navFramework },
  ];
}

/** A complete HTML document around a page's main content: header, nav, footer, CSP, stylesheet. */
export function renderPage(page: Page, context: PageContext): string {
  const { framework, generatedAt, messages } = context;
  const nav = navigation(context).map(
    (entry) =>
      html`<li><a href="${entry.file}"${entry.file === page.file ? html` aria-current="page"` : ""}>${entry.label}</a></li>\n`,
  );
  const document = html`<!doctype html>
<html lang="${messages.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="${REFERRER_POLICY}">
<title>${messages.pageTitle(page.title)}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<a class="skip-link" href="#main">${messages.skipToContent}</a>
<header class="site-header">
<div class="wrap site-header-inner">
<a class="brand" href="index.html">${messages.siteTitle}</a>
<p class="tagline">${messages.siteTagline}</p>
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
<p><a href="data/indicators.json">${messages.footerData}</a> · <a href="framework.html">${messages.frameworkLink}</a></p>
<p>${messages.footerNoScript}</p>
</div>
</footer>
</body>
</html>
`;
  return document.markup;
}
