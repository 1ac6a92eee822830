export type { CreateClientOptions, KapsoFetchClient } from "./create-client.js";
export { createClient, DEFAULT_BASE_URL } from "./create-client.js";
export * from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export * from "./transport/index.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
