/** Where the prebuilt browser script sits in a Lambda bundle, relative to the project root (see `write-bundle.ts`). */
export const CLIENT_BUNDLE = "reports/assets/site.js";
