// One run at a time per journal: a lock file beside it holds the pid of the process that
// owns it. A lock whose process is gone (killed, crashed) is taken over; to take it over, a
// process first takes a second, short-lived lock, so two processes that both find it stale
// cannot both win.
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

/** Another live process holds the journal. */
export class JournalLockedError extends Error {
  override name = "JournalLockedError";
  /** The process that holds the lock. */
  readonly pid: number;
  /** The lock file, to delete by hand if that process is not a bulk send. */
  readonly lockPath: string;
  constructor(journalPath: string, lockPath: string, pid: number) {
    super(
      `the journal ${journalPath} is in use by process ${pid} (another run, or a --resume of it); wait for it to end, or stop it. If process ${pid} is not a bulk send, delete ${lockPath}`,
    );
    this.pid = pid;
    this.lockPath = lockPath;
  }
}

interface Holder {
  pid: number;
  host: string;
}

function read(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    return typeof holder.pid === "number" ? { pid: holder.pid, host: String(holder.host) } : undefined;
  } catch {
    return undefined; // gone, or cut short by a crash while being written
  }
}

/** Whether the process is alive (on this machine; a lock from another host is trusted). */
function alive({ pid, host }: Holder): boolean {
  if (host !== hostname()) {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

const remove = (path: string) => {
  try {
    unlinkSync(path);
  } catch {}
};

/**
 * Creates `path` holding this process's pid, or returns false when it exists. The pid is
 * written to a file of this process's own first, then linked into place: the lock appears
 * whole or not at all, so no reader ever finds it empty and mistakes it for a stale one.
 */
function create(path: string): boolean {
  const own = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(own, JSON.stringify({ pid: process.pid, host: hostname() }));
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") {
      return false;
    }
    throw error;
  } finally {
    remove(own);
  }
}

/**
 * Takes the lock of a journal, or throws a {@link JournalLockedError} naming the process
 * that holds it. Returns the function that releases it.
 */
export function lockJournal(journalPath: string): () => void {
  const lockPath = `${journalPath}.lock`;
  const takeoverPath = `${lockPath}.takeover`;
  for (let tries = 0; tries < 50; tries++) {
    if (create(lockPath)) {
      return () => remove(lockPath);
    }
    const holder = read(lockPath);
    if (holder && alive(holder)) {
      throw new JournalLockedError(journalPath, lockPath, holder.pid);
    }
    // Stale (or half-written): only the process holding the takeover lock may remove it.
    const taker = read(takeoverPath);
    if (taker && !alive(taker)) {
      remove(takeoverPath);
    }
    if (create(takeoverPath)) {
      const again = read(lockPath);
      if (!again || !alive(again)) {
        remove(lockPath);
      }
      const taken = create(lockPath);
      remove(takeoverPath);
      if (taken) {
        return () => remove(lockPath);
      }
    }
  }
  const holder = read(lockPath);
  throw new JournalLockedError(journalPath, lockPath, holder?.pid ?? -1);
}
