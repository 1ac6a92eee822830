// Bulk sends: the engine behind `kapso.templates.sendMany`, usable with any send function.
export type { Clock } from "./clock.js";
export type { BulkJournal, JournalState } from "./journal.js";
export { createMemoryJournal } from "./journal.js";
export type { RateInput } from "./rate.js";
export { rateToIntervalMs } from "./rate.js";
export { recipientKey } from "./recipient-key.js";
export type { SendManyInternals } from "./send-many.js";
export { sendMany } from "./send-many.js";
export type {
  BulkDuplicate,
  BulkFailed,
  BulkOptions,
  BulkProgress,
  BulkResult,
  BulkSendAnswer,
  BulkSender,
  BulkSent,
  BulkSkipped,
  BulkStatus,
  BulkUnknown,
} from "./types.js";
