// `@kapsokit/client/internal`: what kapsokit's own packages (the command line, the queue)
// share with the client: the bulk engine with any send function, the rate parser, the
// journal key. Not public API: it may change in any release. See README.md beside this file.
export type { Clock } from "../bulk/clock.js";
export type { BulkJournal, JournalState } from "../bulk/journal.js";
export { createMemoryJournal } from "../bulk/journal.js";
export type { RateInput } from "../bulk/rate.js";
export { rateToIntervalMs } from "../bulk/rate.js";
export { recipientKey } from "../bulk/recipient-key.js";
export type { SendManyInternals } from "../bulk/send-many.js";
export { sendMany } from "../bulk/send-many.js";
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
  SendFailure,
} from "../bulk/types.js";
