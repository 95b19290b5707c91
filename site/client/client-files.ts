/** The browser files by name: `site.js`, which every interactive page loads, and the chunks it imports on demand. */
export type ClientFiles = Readonly<Record<string, string>>;

/** The names a browser file may have at the site root. */
export const CLIENT_FILE_NAME = /^site(?:-[A-Za-z0-9]+)?\.js$/;

/** Where the prebuilt browser files sit in a Lambda bundle, relative to the project root (see `write-bundle.ts`). */
export const CLIENT_BUNDLE_DIR = "site/assets/client";
