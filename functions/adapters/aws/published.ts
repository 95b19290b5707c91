/** Where the compute step publishes the indicators and the evidence list in the curated bucket. */
export const PUBLISHED_PREFIX = "published/";
