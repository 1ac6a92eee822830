export type { CreateClientOptions, KapsoFetchClient } from "./create-client.js";
export { createClient } from "./create-client.js";
export * from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export * from "./transport/index.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
export type { Connection, WireCall } from "./wire.js";
export { DEFAULT_BASE_URL, toRequest, toRequestParts } from "./wire.js";
