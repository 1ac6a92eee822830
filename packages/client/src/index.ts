export type {
  GetTemplateResponse,
  ListTemplatesQuery,
  RequestEvent,
  SendTemplateBody,
  SendTemplateResponse,
  TemplateMessage,
  ValidationIssue,
  WhatsappTemplate,
  WhatsappTemplateList,
} from "@kapsokit/core";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  DEFAULT_BASE_URL,
  InternalServerError,
  KapsoError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
  ValidationError,
} from "@kapsokit/core";
export type { BulkJournal, JournalState } from "./bulk/journal.js";
export type { RateInput } from "./bulk/rate.js";
export type { SendManyOptions, SendManyRecipient, SendManyResult } from "./bulk/templates-send-many.js";
export type { BulkProgress, BulkStatus } from "./bulk/types.js";
export { Kapso, type KapsoOptions } from "./kapso.js";
export type { Logger, LogLevel } from "./log.js";
export type { Templates } from "./resources/templates.js";
export type * from "./types.js";
