// A seeded fuzz of the CSV a bulk send reads: quoted and unquoted fields, doubled quotes,
// CR, LF and CRLF line ends (mixed, and inside quotes), a byte order mark, blank lines,
// multi-byte characters and fields larger than a read chunk. Every row must reach the mock
// server exactly once, its parameters byte for byte, and be reported on its own line.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXIT, type Io, run } from "../../src/index.js";
import { NOTICE } from "../support/cli.js";
import { readResults, writeCsv } from "../support/files.js";

// mulberry32: a seeded generator, so a failure can be replayed with KAPSOKIT_FUZZ_SEED.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ["a", "Z", "7", " ", ",", '"', '""', "\r", "\n", "\r\n", "é", "日本", "😀", ";", "\t", "'"];
const READ_CHUNK = 64 * 1024; // what fs.createReadStream reads at a time

interface Row {
  phone: string;
  parameters: [string, string];
  /** The line the row starts on. */
  line: number;
}

/** A CSV made from the seed, and the rows it holds. */
function generate(seed: number, count: number): { text: string; rows: Row[] } {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const field = (): string => {
    if (rand() < 0.02) {
      // Larger than a read chunk, so it spans several.
      return `big${pick(["x", "é", "日"]).repeat(READ_CHUNK + Math.floor(rand() * READ_CHUNK))}`;
    }
    let text = "v"; // never empty: a send refuses an empty parameter
    const length = Math.floor(rand() * 12);
    for (let i = 0; i < length; i++) {
      text += pick(PIECES);
    }
    return text;
  };
  const encode = (value: string): string =>
    /[",\r\n]/.test(value) || rand() < 0.3 ? `"${value.replace(/"/g, '""')}"` : value;
  const breaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

  let text = rand() < 0.5 ? "\ufeff" : "";
  let line = 1;
  const end = () => pick(["\n", "\r\n", "\r"]);
  const header = `phone,1,2${end()}`;
  text += header;
  line += breaks(header);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    if (rand() < 0.1) {
      text += "\n"; // a blank line (after a CR it is the LF of a CRLF instead)
      if (!text.endsWith("\r\n")) {
        line++;
      }
    }
    const row: Row = {
      phone: `+1646777${String(seed % 97).padStart(2, "0")}${String(i).padStart(2, "0")}`,
      parameters: [field(), field()],
      line,
    };
    const record = `${row.phone},${encode(row.parameters[0])},${encode(row.parameters[1])}${i < count - 1 || rand() < 0.5 ? end() : ""}`;
    rows.push(row);
    text += record;
    line += breaks(record);
  }
  return { text, rows };
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ templates: [NOTICE] });
});
afterAll(() => server.close());

const base = Number(process.env.KAPSOKIT_FUZZ_SEED ?? 20_260_414);
const SEEDS = [0, 1, 2, 3];

it("covers, across its seeds, every feature it means to", () => {
  const texts = SEEDS.map((offset) => generate(base + offset, 90).text);
  const all = texts.join("");
  expect(texts.some((t) => t.startsWith("\ufeff"))).toBe(true);
  expect(all).toMatch(/"[^"]*\r\n[^"]*"/); // a CRLF inside quotes
  expect(all).toMatch(/[^"\r]\r[^\n]/); // a lone CR
  expect(all).toContain('""'); // a doubled quote
  expect(all.split(/[,\r\n]/).some((piece) => Buffer.byteLength(piece) > READ_CHUNK)).toBe(true); // a field larger than a read chunk
  expect(all).toMatch(/\n\n/); // a blank line
});

it.each(SEEDS)("sends every row of a seeded CSV exactly once, byte for byte (seed %i)", async (offset) => {
  const seed = base + offset;
  const { text, rows } = generate(seed, 90);
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-fuzz-"));
  writeCsv(dir, "people.csv", text);
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { KAPSO_API_KEY: "test", KAPSO_BASE_URL: server.url },
    cwd: dir,
  };
  const before = server.mock.sent.length;
  const code = await run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--concurrency", "8"], io);
  expect(code, `seed ${seed}: ${stderr}`).toBe(EXIT.ok);
  expect(stdout).toMatch(
    new RegExp(`^Sent ${rows.length}, failed 0, skipped 0, unknown 0 of ${rows.length} rows`),
  );

  const sent = server.mock.sent.slice(before);
  const byPhone = new Map<string, unknown[]>();
  for (const message of sent) {
    byPhone.set(message.to, [...(byPhone.get(message.to) ?? []), message.template.template_parameters]);
  }
  for (const row of rows) {
    expect(byPhone.get(row.phone), `seed ${seed}, line ${row.line}`).toEqual([row.parameters]);
  }
  expect(sent).toHaveLength(rows.length);
  const lines = new Map(readResults(dir, "people.results.csv").map((r) => [r.phone, Number(r.line)]));
  expect(rows.map((r) => lines.get(r.phone))).toEqual(rows.map((r) => r.line));
});
