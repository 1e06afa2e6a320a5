/** The arXiv room: the polite API client, its Atom parser, and what arXiv can add to a record. */
export * from "./client.js";
export * from "./enrich.js";
export * from "./feed.js";
export * from "./cache-file.js";
