export type { Fetch } from "./attempt.js";
export type {
  RequestEvent,
  Transport,
  TransportInit,
  TransportOptions,
} from "./create-transport.js";
export { createTransport } from "./create-transport.js";
export type { RequestOptions } from "./options.js";
