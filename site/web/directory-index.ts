/**
 * The CloudFront Function (viewer request, runtime `cloudfront-js-2.0`) that gives the site bucket
 * what `observatory serve` does for folders: S3 has no folders, so `/es/` is rewritten to
 * `/es/index.html`, and `/es` (a last segment without a dot is a folder: every file of the site has
 * an extension) is redirected to `/es/` with its query string, so that the page's relative links
 * resolve inside the folder. The location is rebuilt from the path's non-empty segments, so `//host`
 * can never become a redirect to another site. CloudFront hands a function the query string as the
 * viewer sent it (still percent-encoded), so it is passed on as it is.
 *
 * It is kept as source text because CloudFront runs it, not Node; `test/site/web/directory-index.test.ts`
 * runs the same text in a Node `vm`.
 */
export const DIRECTORY_INDEX_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === "/") {
    request.uri = uri + "index.html";
    return request;
  }
  var last = uri.substring(uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") !== -1) return request;
  var segments = uri.split("/").filter(function (segment) {
    return segment !== "";
  });
  var query = [];
  var parameters = request.querystring || {};
  Object.keys(parameters).forEach(function (name) {
    var parameter = parameters[name];
    var values = parameter.multiValue ? parameter.multiValue : [parameter];
    values.forEach(function (entry) {
      query.push(entry.value === "" ? name : name + "=" + entry.value);
    });
  });
  var location = "/" + segments.join("/") + (segments.length > 0 ? "/" : "");
  return {
    statusCode: 301,
    statusDescription: "Moved Permanently",
    headers: {
      location: { value: query.length > 0 ? location + "?" + query.join("&") : location },
      "cache-control": { value: "no-cache" },
    },
  };
}
`;
