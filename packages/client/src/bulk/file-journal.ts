// A bulk-send journal in a JSONL file, for Node. One line per event:
// {"key":"…","state":"in-flight"} before a send, {"key":"…","state":"sent"} after.
//
// Durability: `begin` hands its line to the kernel with a synchronous write before the send
// goes out. That survives the process being killed at any point (SIGKILL, a crash, OOM), which
// is what a resume has to rely on. It does not survive the machine losing power; `fsync: true`
// adds an fdatasync before each send goes out, grouped so that sends starting together share
// one, for runs where that matters more than speed.
import {
  closeSync,
  createReadStream,
  existsSync,
  fdatasync,
  openSync,
  readSync,
  statSync,
  writeSync,
} from "node:fs";
import { createInterface } from "node:readline";
import type { BulkJournal, JournalState } from "./journal.js";
import { lockJournal } from "./journal-lock.js";

const STATES: ReadonlySet<string> = new Set<JournalState>(["in-flight", "sent", "failed", "unknown"]);

export interface FileJournalOptions {
  /** fdatasync each in-flight mark before its send goes out (survives power loss). Default false. */
  fsync?: boolean | undefined;
}

/** What a test may replace. */
export interface FileJournalInternals {
  fdatasync?: typeof fdatasync;
}

/** A journal kept in a JSONL file; see {@link openFileJournal}. */
export interface FileJournal extends BulkJournal {
  readonly path: string;
  /** Recipients earlier runs left a state for. */
  readonly size: number;
  /** How many recipients earlier runs left in each state. */
  counts(): Record<JournalState, number>;
  /** Lines of the file that were not records and were skipped, each with its line number. */
  readonly warnings: readonly string[];
  /** Writes what is pending and closes the file. */
  close(): Promise<void>;
}

async function load(path: string, warnings: string[]): Promise<Map<string, JournalState>> {
  const states = new Map<string, JournalState>();
  if (!existsSync(path)) {
    return states;
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === "") {
      continue;
    }
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      entry = undefined;
    }
    const { key, state } = (entry ?? {}) as { key?: unknown; state?: unknown };
    if (typeof key === "string" && typeof state === "string" && STATES.has(state)) {
      states.set(key, state as JournalState);
    } else {
      // A line cut short by a crash never completed, so its send never went out; anything else
      // is not ours. Neither stops a resume.
      warnings.push(
        `line ${number} of ${path} is not a journal record and was skipped: ${line.slice(0, 80)}`,
      );
    }
  }
  return states;
}

function endsWithNewline(fd: number, size: number): boolean {
  if (size === 0) {
    return true;
  }
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/**
 * Opens (or creates) a JSONL journal for {@link sendMany}. What earlier runs recorded in the
 * file is read first; new events are appended.
 *
 * @example
 * ```ts
 * import { openFileJournal } from "@kapsokit/client/journal";
 *
 * const journal = await openFileJournal("reminders.journal.jsonl");
 * for await (const r of kapso.templates.sendMany(recipients, { journal })) console.log(r.status);
 * await journal.close();
 * ```
 */
export async function openFileJournal(
  path: string,
  options: FileJournalOptions = {},
  internals: FileJournalInternals = {},
): Promise<FileJournal> {
  const release = lockJournal(path);
  const warnings: string[] = [];
  let states: Map<string, JournalState>;
  let fd: number;
  try {
    states = await load(path, warnings);
    fd = openSync(path, "a+");
  } catch (error) {
    release();
    throw error;
  }
  const datasync = internals.fdatasync ?? fdatasync;
  const size = statSync(path).size;
  let pending = endsWithNewline(fd, size) ? "" : "\n";
  let flushScheduled = false;
  let syncing: Promise<void> | undefined;
  let closed = false;

  const flush = () => {
    flushScheduled = false;
    if (pending === "" || closed) {
      return;
    }
    const text = pending;
    pending = "";
    writeSync(fd, text);
  };

  // One fdatasync for every in-flight mark written before it starts.
  const sync = (): Promise<void> => {
    syncing ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        syncing = undefined;
        flush();
        datasync(fd, (error) => (error ? reject(error) : resolve()));
      });
    });
    return syncing;
  };

  const line = (key: string, state: JournalState) => `${JSON.stringify({ key, state })}\n`;

  return {
    path,
    get size() {
      return states.size;
    },
    warnings,
    counts() {
      const counts: Record<JournalState, number> = { "in-flight": 0, sent: 0, failed: 0, unknown: 0 };
      for (const state of states.values()) {
        counts[state]++;
      }
      return counts;
    },
    get: (key) => states.get(key),
    begin(key) {
      if (closed) {
        throw new Error(`journal ${path} is closed`);
      }
      pending += line(key, "in-flight");
      // Written now, with the outcomes queued before it, so the mark is in the kernel's hands
      // before the request can leave.
      flush();
      return options.fsync ? sync() : undefined;
    },
    end(key, state) {
      if (closed) {
        throw new Error(`journal ${path} is closed`);
      }
      pending += line(key, state);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    async close() {
      if (closed) {
        return;
      }
      await syncing;
      flush();
      closed = true;
      closeSync(fd);
      release();
    },
  };
}
