/**
 * The CloudFront Function that serves each language's folder, run in a Node `vm` on the events
 * CloudFront would hand it (the function's own runtime cannot run here; AWS documents the event
 * shape, with the query string as the viewer sent it).
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { DIRECTORY_INDEX_FUNCTION } from "../../../site/web/directory-index.js";

type Querystring = Record<string, { value: string; multiValue?: { value: string }[] }>;

function viewerRequest(uri: string, querystring: Querystring = {}): unknown {
  const handler = runInNewContext(`${DIRECTORY_INDEX_FUNCTION}; handler`) as (event: unknown) => unknown;
  return handler({
    version: "1.0",
    context: { eventType: "viewer-request" },
    viewer: { ip: "192.0.2.1" },
    request: { method: "GET", uri, querystring, headers: {}, cookies: {} },
  });
}

const redirect = (location: string) => ({
  statusCode: 301,
  statusDescription: "Moved Permanently",
  headers: { location: { value: location }, "cache-control": { value: "no-cache" } },
});

describe("the directory-index CloudFront Function", () => {
  it("serves a folder's index.html", () => {
    expect(viewerRequest("/es/")).toMatchObject({ uri: "/es/index.html" });
    expect(viewerRequest("/")).toMatchObject({ uri: "/index.html" });
  });

  it("redirects a folder named without its slash to the folder, with the query string as the viewer sent it", () => {
    expect(viewerRequest("/es")).toEqual(redirect("/es/"));
    expect(
      viewerRequest("/ar", {
        year: { value: "2024" },
        region: { value: "Middle%20East%20%26%20North%20Africa" },
      }),
    ).toEqual(redirect("/ar/?year=2024&region=Middle%20East%20%26%20North%20Africa"));
    expect(
      viewerRequest("/fr", {
        region: { value: "a", multiValue: [{ value: "a" }, { value: "b" }] },
        all: { value: "" },
      }),
    ).toEqual(redirect("/fr/?region=a&region=b&all"));
  });

  it("never redirects to another site", () => {
    expect(viewerRequest("//evil.example")).toMatchObject({ uri: "//evil.example" });
    expect(viewerRequest("//evil")).toEqual(redirect("/evil/"));
    expect(viewerRequest("///es")).toEqual(redirect("/es/"));
  });

  it("passes files through untouched", () => {
    for (const uri of ["/es/index.html", "/style.0123456789.css", "/data/charts/a.b.json", "/favicon.svg"])
      expect(viewerRequest(uri)).toMatchObject({ uri });
  });
});
