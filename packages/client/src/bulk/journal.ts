// The journal of a bulk send: each recipient is marked in flight before its request goes out
// and marked with its outcome after, so a run that stopped can resume without sending twice.

/** What a journal knows about one recipient. */
export type JournalState = "in-flight" | "sent" | "failed" | "unknown";

/**
 * Where a bulk send records its progress. `begin` must not resolve before the mark would
 * survive the process being killed; the send goes out only after it resolves.
 */
export interface BulkJournal {
  /** The state earlier runs left for a recipient, if any. */
  get(key: string): JournalState | undefined | Promise<JournalState | undefined>;
  /** Marks a recipient's send as about to go out. */
  begin(key: string): void | Promise<void>;
  /** Records the outcome: `failed` means the server did not act, so resending is safe. */
  end(key: string, state: Exclude<JournalState, "in-flight">): void | Promise<void>;
}

/**
 * A journal kept in memory: for tests, and for resuming a stopped run in the same process.
 * Its `entries` can be copied into any store.
 *
 * @example
 * ```ts
 * const journal = createMemoryJournal();
 * for await (const result of kapso.templates.sendMany(recipients, { journal })) {}
 * ```
 */
export function createMemoryJournal(
  entries: Map<string, JournalState> = new Map(),
): BulkJournal & { entries: Map<string, JournalState> } {
  return {
    entries,
    get: (key) => entries.get(key),
    begin(key) {
      entries.set(key, "in-flight");
    },
    end(key, state) {
      entries.set(key, state);
    },
  };
}
