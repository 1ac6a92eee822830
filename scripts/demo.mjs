#!/usr/bin/env node
// The quick-start demo: builds the command line, starts the embedded mock of the Kapso API
// with `kapsokit mock --ui`, and runs `kapsokit send` (a dry run first, which shows the
// message as the customer will see it) and a small `kapsokit send-bulk` against it, progress
// bar and results file included. It prints the address of the mock's inspector page and
// opens nothing; on a terminal, the mock stays up afterwards until Enter is pressed.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const build = spawnSync("turbo", ["run", "build", "--filter=@kapsokit/cli...", "--output-logs=errors-only"], {
  cwd: root,
  stdio: "inherit",
});
if (build.error) {
  console.error(`could not run turbo: ${build.error.message} (run the demo with \`npm run demo\`)`);
}
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const bin = join(root, "packages/cli/dist/bin.js");
const REMINDER = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"; // appointment_reminder: {{1}}, {{2}}, an image header
const IMAGE = "https://example.com/header-image.jpg";
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : text);

// `kapsokit mock` on a free port, with its inspector page; --json prints where they listen.
const mock = spawn(process.execPath, [bin, "mock", "--port", "0", "--ui", "--json"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const { url, inspector } = await new Promise((resolve, reject) => {
  let out = "";
  mock.stdout.setEncoding("utf8").on("data", (chunk) => {
    out += chunk;
    if (out.includes("\n")) {
      resolve(JSON.parse(out));
    }
  });
  mock.on("exit", (code) => reject(new Error(`kapsokit mock exited with ${code}`)));
});
console.log(
  `\n${bold("$ kapsokit mock --port 0 --ui")}\nThe embedded Kapso mock is listening at ${url}\n` +
    `Its inspector page: ${inspector}\n(open it in a browser to watch each message arrive as the customer will see it)\n`,
);

const dir = mkdtempSync(join(tmpdir(), "kapsokit-demo-"));
const env = { ...process.env, KAPSO_API_KEY: "demo", KAPSO_BASE_URL: url };
function kapsokit(args, shown = args) {
  console.log(`${bold(`$ kapsokit ${shown.map((a) => (/[\s"]/.test(a) ? `"${a}"` : a)).join(" ")}`)}`);
  const { status } = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, stdio: "inherit" });
  console.log(`(exit code ${status})\n`);
  return status;
}

let ok = false;
try {
  kapsokit(["templates", "list", "--status", "approved"]);
  const reminder = [
    "send",
    REMINDER,
    "--to",
    "+1 415 555 0123",
    "--param",
    "Ana",
    "--param",
    "Friday at 3 PM",
    "--header-image",
    IMAGE,
  ];
  const checked = kapsokit([...reminder, "--dry-run"]);
  const sent = kapsokit(reminder);

  // Sixty reminders, one with a number that cannot be right, paced at 20 a second.
  let csv = "phone,1,2\n";
  for (let i = 0; i < 60; i++) {
    csv += `+1 415 555 ${String(1000 + i)},Customer ${i + 1},"Monday, 9:${String(i % 60).padStart(2, "0")} AM"\n`;
  }
  csv += "555-0199,Nobody,Never\n";
  writeFileSync(join(dir, "reminders.csv"), csv);
  console.log(`${bold("reminders.csv")} (61 rows):\n${csv.split("\n").slice(0, 4).join("\n")}\n…\n`);
  const bulk = kapsokit([
    "send-bulk",
    REMINDER,
    "--csv",
    "reminders.csv",
    "--rate",
    "20/s",
    "--header-image",
    IMAGE,
  ]);

  const results = readFileSync(join(dir, "reminders.results.csv"), "utf8").trim().split("\n");
  console.log(`${bold("reminders.results.csv")} (one row per recipient):`);
  console.log(
    [...results.slice(0, 4), "…", ...results.filter((line) => line.includes(",failed,"))].join("\n"),
  );
  console.log("\nThe row with 555-0199 failed (no country code); every other reminder was sent once.");
  console.log("A killed run resumes without duplicates: run the same command again with --resume.");
  // The bulk send exits 1 because of the planned bad row.
  ok = checked === 0 && sent === 0 && bulk === 1 && results.length === 62;
  if (process.stdin.isTTY && process.stdout.isTTY) {
    console.log(`\nEvery one of these requests is on the inspector page: ${inspector}`);
    await new Promise((resolve) => {
      process.stdout.write("The mock stays up so you can look; press Enter to stop it. ");
      process.stdin.once("data", resolve);
    });
    process.stdin.pause();
  }
} finally {
  mock.kill("SIGTERM");
}
process.exitCode = ok ? 0 : 1;
