// kapsokit in a real terminal: send-bulk runs in a tmux pane against `kapsokit mock
// --rate-limit`, and the screen is read while the run waits out the 429. The bar must say how
// long the pause lasts, and count down without a new result arriving (its timer redraws it).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtures } from "@kapsokit/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, type BinProcess, sleep, startBin, until } from "../support/bin.js";

/** tmux; `npm test` installs it first when it is missing (scripts/system-packages.mjs). */
function ensureTmux(): void {
  if (spawnSync("tmux", ["-V"]).status !== 0) {
    throw new Error("this test needs tmux; install it with: sudo apt-get install -y tmux");
  }
}

// A tmux server of this test's own, so no user session is touched.
const SOCKET = `kapsokit-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", "bulk");

const PER_MINUTE = 30;
let mock: BinProcess;
let url: string;
beforeAll(async () => {
  ensureTmux();
  mock = startBin(["mock", "--port", "0", "--rate-limit", String(PER_MINUTE), "--json"]);
  await until(() => mock.stdout().includes("\n"));
  url = (JSON.parse(mock.stdout()) as { url: string }).url;
  // Spend the minute's requests but two: the run's read of the template and its first send.
  // The pacer then spaces sends at the limit's pace (2 s) and the next one meets a 429 whose
  // Retry-After is the rest of the minute.
  for (let i = 0; i < PER_MINUTE - 2; i++) {
    const answer = await fetch(`${url}/whatsapp_templates`, { headers: { "X-API-Key": "test" } });
    await answer.arrayBuffer();
  }
});
afterAll(() => {
  spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  mock?.child.kill("SIGTERM");
});

it("shows the pause for the rate limit counting down, in a real terminal", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-tty-"));
  let csv = "phone,1,2\n";
  for (let i = 0; i < 20; i++) {
    csv += `+1415888${String(i).padStart(4, "0")},Person ${i},Friday\n`;
  }
  writeFileSync(join(dir, "people.csv"), csv);
  const command = [
    `cd '${dir}' &&`,
    `KAPSO_API_KEY=test KAPSO_BASE_URL='${url}'`,
    `'${process.execPath}' '${BIN}' send-bulk ${fixtures.appointmentReminder.id} --csv people.csv`,
    "--header-image https://example.com/a.jpg; sleep 60",
  ].join(" ");
  tmux("new-session", "-d", "-s", "bulk", "-x", "150", "-y", "10", command);

  const deadline = Date.now() + 20_000;
  while (!/resumes in \d+ s/.test(screen())) {
    if (Date.now() > deadline) {
      expect.fail(`no pause on the screen after 20 s:\n${screen()}`);
    }
    await sleep(100);
  }
  const firstAt = Date.now();
  const first = screen();
  await sleep(2_500);
  const later = screen();
  const laterAt = Date.now();
  if (process.env.KAPSOKIT_SHOW_SCREEN) {
    process.stdout.write(
      `\n--- the terminal during the pause ---\n${first}\n--- 2.5 s later ---\n${later}\n`,
    );
  }
  const bar =
    /\[█░{19}\] 5% 1\/20 · sent 1 · failed 0 · [\d.]+\/s · paused for the rate limit, resumes in (\d+) s · ETA \d+m\d\ds/;
  const before = Number(bar.exec(first)?.[1]);
  const after = Number(bar.exec(later)?.[1]);
  expect(first).toMatch(bar);
  expect(later).toMatch(bar);
  expect(before).toBeGreaterThan(40);
  expect(before).toBeLessThanOrEqual(60);
  // Nothing was answered in between: only the display's own timer moved it, by the time that
  // passed (give or take the redraw interval and the rounding to whole seconds).
  const passed = (laterAt - firstAt) / 1000;
  expect(before - after, `${passed} s passed`).toBeGreaterThanOrEqual(Math.floor(passed) - 1);
  expect(before - after, `${passed} s passed`).toBeLessThanOrEqual(Math.ceil(passed) + 1);
  expect(before - after).toBeGreaterThanOrEqual(1);
});
