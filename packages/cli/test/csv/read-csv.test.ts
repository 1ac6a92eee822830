import { describe, expect, it } from "vitest";
import { type CsvRecord, MAX_RECORD_BYTES, MalformedCsvError, readCsv } from "../../src/csv/read-csv.js";

async function parse(text: string | (string | Uint8Array)[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsv(typeof text === "string" ? [text] : text)) {
    records.push(record);
  }
  return records;
}

/** The error reading stops with. */
async function failure(text: string | (string | Uint8Array)[]): Promise<unknown> {
  return parse(text).then(
    () => expect.fail("the text was read without an error"),
    (error: unknown) => error,
  );
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

/** Every way to cut the bytes into two chunks, and one byte at a time. */
function splits(text: string): Uint8Array[][] {
  const bytes = Buffer.from(text);
  const ways = [[...bytes].map((b) => Uint8Array.of(b))];
  for (let i = 1; i < bytes.length; i++) {
    ways.push([bytes.subarray(0, i), bytes.subarray(i)]);
  }
  return ways;
}

describe("readCsv", () => {
  it("reads a header and rows with LF, CRLF and CR line ends", async () => {
    expect(fields(await parse("phone,1\n+1,a\r\n+2,b\r+3,c"))).toEqual([
      ["phone", "1"],
      ["+1", "a"],
      ["+2", "b"],
      ["+3", "c"],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, and counts lines from where each record starts", async () => {
    const records = await parse('phone,1\n+1,"Smith, ""Jo""\r\nline two"\n+2,x\n\n+3,"a\rb\nc"\n+4,y\n');
    expect(fields(records)).toEqual([
      ["phone", "1"],
      ["+1", 'Smith, "Jo"\r\nline two'],
      ["+2", "x"],
      ["+3", "a\rb\nc"],
      ["+4", "y"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 6, 9]);
  });

  it("drops a byte order mark and skips blank lines", async () => {
    expect(fields(await parse("\ufeffphone\n\n+1\r\n\r\n+2\n"))).toEqual([["phone"], ["+1"], ["+2"]]);
    expect(fields(await parse('\ufeff"phone"\n+1\n'))).toEqual([["phone"], ["+1"]]);
  });

  it("keeps empty fields, including a trailing one", async () => {
    expect(fields(await parse('a,,c\n"",x,\n'))).toEqual([
      ["a", "", "c"],
      ["", "x", ""],
    ]);
  });

  it("gives the same records however the bytes are cut into chunks, multi-byte characters included", async () => {
    const text = '\ufeffphone,name\r\n+1,"A ""q"", b"\r\n+2,"multi\r\nline é"\n+3,plain ü\r\n';
    const expected = await parse(text);
    expect(expected[2]?.fields[1]).toBe("multi\r\nline é");
    for (const chunks of splits(text)) {
      expect(await parse(chunks)).toEqual(expected);
    }
  });

  it("reads a field larger than a read chunk", async () => {
    const big = "é".repeat(100_000);
    const text = `phone,1\n+1,"${big}"\n+2,x\n`;
    const bytes = Buffer.from(text);
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 65_536) {
      chunks.push(bytes.subarray(i, i + 65_536));
    }
    expect(fields(await parse(chunks))).toEqual([
      ["phone", "1"],
      ["+1", big],
      ["+2", "x"],
    ]);
  });

  it("fails a row whose bytes are not UTF-8 with its line, and reads on", async () => {
    const records = await parse([
      Buffer.from("phone,1\n+1,ok\n+2,caf"),
      Uint8Array.of(0xe9),
      Buffer.from("\n+3,é\n"),
    ]);
    expect(records[2]).toMatchObject({
      line: 3,
      error: "line 3: field 2 is not valid UTF-8 text (save the file as UTF-8)",
    });
    expect(records[1]?.error).toBeUndefined();
    expect(records[3]).toEqual({ fields: ["+3", "é"], line: 4 });
  });

  it.each([
    ['phone,1\n+1,ok\n+2,ab"c\n+3,ok\n', 3, "a quote inside an unquoted field"],
    ['phone,1\n+1,ok\n+2,"ab"c\n+3,ok\n', 3, "text after a closing quote"],
    ['phone,1\n+1,"never closed\n+2,x\n', 2, "a quoted field is never closed"],
  ])("stops at a malformed record with its line: %j", async (text, line, reason) => {
    const error = await failure(text);
    expect(error).toBeInstanceOf(MalformedCsvError);
    expect(error).toMatchObject({
      line,
      message: expect.stringMatching(new RegExp(`^line ${line}: ${reason}`)),
    });
  });

  it("refuses a record larger than its bound instead of holding it in memory", async () => {
    const error = await failure(`phone,1\n+1,"${"x".repeat(MAX_RECORD_BYTES + 10)}`);
    expect(error).toMatchObject({ line: 2, message: expect.stringContaining("a record longer than 1 MB") });
  });

  it("streams: the first record comes out before the input ends", async () => {
    let pulled = 0;
    function* chunks() {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield `+1${i},v\n`;
      }
    }
    for await (const record of readCsv(chunks())) {
      expect(record.fields[1]).toBe("v");
      break;
    }
    // What the streams between the source and the parser buffer (16 KB), not the whole input.
    expect(pulled).toBeLessThan(10_000);
  });
});
