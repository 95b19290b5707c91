import { describe, expect, it } from "vitest";
import { escapeHtml, html, trustedHtml } from "../../../site/web/html.js";

describe("escapeHtml and html", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
    );
  });

  it("escapes every interpolated value unless it is already safe markup", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const markup = html`<p title="${hostile}">${hostile}${[html`<b>${hostile}</b>`]}${trustedHtml("<i>ok</i>")}</p>`;
    expect(markup.markup).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;' +
        "<b>&lt;img src=x onerror=alert(1)&gt;</b><i>ok</i></p>",
    );
  });
});
