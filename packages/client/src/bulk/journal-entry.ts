// `@kapsokit/client/journal`: journals for bulk sends. Node only (the file journal uses
// node:fs), so it is an entry point of its own and the main one stays browser-safe.
export type { FileJournal, FileJournalOptions } from "./file-journal.js";
export { openFileJournal } from "./file-journal.js";
export type { BulkJournal, JournalState } from "./journal.js";
export { createMemoryJournal } from "./journal.js";
export { JournalLockedError } from "./journal-lock.js";
export { recipientKey } from "./recipient-key.js";
