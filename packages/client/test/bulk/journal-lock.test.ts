// One run at a time per journal, across processes: a second opener is refused at once with
// the holder's pid; a lock left by a process that was killed is taken over.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openFileJournal } from "../../src/bulk/file-journal.js";
import { JournalLockedError } from "../../src/bulk/journal-lock.js";

const dir = mkdtempSync(join(tmpdir(), "kapsokit-lock-"));
// The built entry point, as another process of a user's would load it.
const journalModule = new URL("../../dist/journal.js", import.meta.url).href;

/** A child process that opens the journal and says whether it got it, then holds it for `holdMs`. */
function opener(path: string, holdMs: number) {
  return spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { openFileJournal } = await import(${JSON.stringify(journalModule)});
       try {
         const journal = await openFileJournal(${JSON.stringify(path)});
         console.log("won");
         setTimeout(() => journal.close(), ${holdMs});
       } catch (error) {
         console.log(error.name);
       }`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
}

/** What a child printed, once it has exited. */
const outputOf = (child: ReturnType<typeof spawn>) =>
  new Promise<string>((resolve) => {
    let out = "";
    child.stdout!.on("data", (data: Buffer) => {
      out += data.toString();
    });
    child.on("exit", () => resolve(out.trim()));
  });

/** A child process that opens the journal, says so, and then holds it until killed. */
function holder(path: string) {
  const child = opener(path, 600_000);
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (data: Buffer) => data.toString().includes("won") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { child, ready };
}

describe("the journal's lock", () => {
  it("refuses a second opener in the same process, naming the holder, until the first closes", async () => {
    const path = join(dir, "same.jsonl");
    const first = await openFileJournal(path);
    const refusal = await openFileJournal(path).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(JournalLockedError);
    expect((refusal as JournalLockedError).pid).toBe(process.pid);
    expect((refusal as Error).message).toContain(`in use by process ${process.pid}`);
    await first.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    const again = await openFileJournal(path);
    await again.close();
  });

  it("takes over a lock whose process is gone", async () => {
    const path = join(dir, "stale.jsonl");
    // A pid that cannot be alive: above the kernel's pid_max.
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 7, host: (await import("node:os")).hostname() }),
    );
    const journal = await openFileJournal(path);
    expect(JSON.parse(readFileSync(`${path}.lock`, "utf8")).pid).toBe(process.pid);
    await journal.close();
  });

  it("takes over a lock file cut short while it was written", async () => {
    const path = join(dir, "torn-lock.jsonl");
    writeFileSync(`${path}.lock`, '{"pid":');
    const journal = await openFileJournal(path);
    await journal.close();
  });

  it("refuses while another live process holds it, and is taken over once that process is SIGKILLed", async () => {
    const path = join(dir, "two-processes.jsonl");
    const { child, ready } = holder(path);
    await ready;
    const refusal = await openFileJournal(path).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(JournalLockedError);
    expect((refusal as JournalLockedError).pid).toBe(child.pid);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const journal = await openFileJournal(path);
    await journal.close();
  }, 20_000);

  it("lets exactly one of several processes started together win a free journal", async () => {
    for (let round = 0; round < 4; round++) {
      const path = join(dir, `together-${round}.jsonl`);
      const outputs = await Promise.all(Array.from({ length: 6 }, () => outputOf(opener(path, 1500))));
      expect(outputs.filter((out) => out === "won")).toHaveLength(1);
      expect(outputs.filter((out) => out === "JournalLockedError")).toHaveLength(5);
    }
  }, 60_000);

  it("lets exactly one of several processes racing for a stale lock win", async () => {
    for (let round = 0; round < 3; round++) {
      const path = join(dir, `race-${round}.jsonl`);
      writeFileSync(
        `${path}.lock`,
        JSON.stringify({ pid: 2 ** 22 + 9, host: (await import("node:os")).hostname() }),
      );
      const outputs = await Promise.all(Array.from({ length: 6 }, () => outputOf(opener(path, 1500))));
      expect(outputs.filter((out) => out === "won")).toHaveLength(1);
      expect(outputs.filter((out) => out === "JournalLockedError")).toHaveLength(5);
    }
  }, 60_000);
});
