export type {
  RequestEvent,
  RequestOptions,
  RequestParts,
  Transport,
  TransportOptions,
} from "./create-transport.js";
export { createTransport } from "./create-transport.js";
export { isNotSent } from "./retry-policy.js";
