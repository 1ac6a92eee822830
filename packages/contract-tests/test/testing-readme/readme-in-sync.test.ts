// The README's example must be the code that readme-example.test.ts runs, line for line
// (after the two comment lines that head that file).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../../../testing/README.md", import.meta.url), "utf8");
const example = readFileSync(new URL("./readme-example.test.ts", import.meta.url), "utf8");

describe("@kapsokit/testing's README", () => {
  it("shows exactly the vitest example that runs here", () => {
    const section = readme.split("## A complete vitest example")[1] ?? "";
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const code = example.split("\n").slice(2).join("\n");
    expect(code).toBe(block);
  });
});
