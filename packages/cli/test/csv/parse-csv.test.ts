import { describe, expect, it } from "vitest";
import { type CsvRecord, parseCsv } from "../../src/index.js";

async function parse(text: string | string[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of parseCsv(typeof text === "string" ? [text] : text)) records.push(record);
  return records;
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

/** Every way to cut the text into two chunks, and one char at a time. */
function splits(text: string): string[][] {
  const ways = [[...text]];
  for (let i = 1; i < text.length; i++) ways.push([text.slice(0, i), text.slice(i)]);
  return ways;
}

describe("parseCsv", () => {
  it("reads a header and rows with LF, CRLF and CR line ends", async () => {
    expect(fields(await parse("phone,1\n+1,a\r\n+2,b\r+3,c"))).toEqual([
      ["phone", "1"],
      ["+1", "a"],
      ["+2", "b"],
      ["+3", "c"],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", async () => {
    const records = await parse('phone,1\n+1,"Smith, ""Jo""\r\nline two"\n+2,x\n');
    expect(fields(records)).toEqual([
      ["phone", "1"],
      ["+1", 'Smith, "Jo"\r\nline two'],
      ["+2", "x"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("drops a byte order mark and skips blank lines", async () => {
    expect(fields(await parse("\ufeffphone\n\n+1\r\n\r\n+2\n"))).toEqual([["phone"], ["+1"], ["+2"]]);
  });

  it("keeps empty fields, including a trailing one", async () => {
    expect(fields(await parse('a,,c\n"",x,\n'))).toEqual([
      ["a", "", "c"],
      ["", "x", ""],
    ]);
  });

  it("gives the same records however the text is cut into chunks", async () => {
    const text = '\ufeffphone,name\r\n+1,"A ""q"", b"\r\n+2,"multi\r\nline"\n+3,plain\r\n';
    const expected = await parse(text);
    for (const chunks of splits(text)) expect(await parse(chunks)).toEqual(expected);
  });

  it("reports a quote inside an unquoted field and carries on", async () => {
    const records = await parse('phone,1\n+1,ab"c\n+2,ok\n');
    expect(records[1]).toMatchObject({
      line: 2,
      error: expect.stringContaining("quote inside an unquoted field"),
    });
    expect(records[2]).toEqual({ fields: ["+2", "ok"], line: 3 });
  });

  it("reports text after a closing quote", async () => {
    const records = await parse('phone,1\n+1,"ab"c\n+2,ok\n');
    expect(records[1]?.error).toContain("text after a closing quote");
    expect(records[2]?.error).toBeUndefined();
  });

  it("reports a quoted field that never closes", async () => {
    const records = await parse('phone,1\n+1,"never closed\n+2,x\n');
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ line: 2, error: "line 2: a quoted field is never closed" });
  });

  it("streams: the first record comes out before the input ends", async () => {
    let pulled = 0;
    function* chunks() {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield `+1${i},v\n`;
      }
    }
    for await (const record of parseCsv(chunks())) {
      expect(record.fields[1]).toBe("v");
      break;
    }
    expect(pulled).toBe(1);
  });
});
