export { type Connection, DEFAULT_BASE_URL } from "./connection.js";
export type { CreateClientOptions, KapsoFetchClient } from "./create-client.js";
export { createClient } from "./create-client.js";
export * from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export { classifyFailure, type Failure, isRead, mayHaveActed } from "./outcome.js";
export * from "./transport/index.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
