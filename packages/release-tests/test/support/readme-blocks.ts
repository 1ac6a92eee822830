// The code blocks of the READMEs users read: the root README and each public package's. The
// consumer test writes them into its project verbatim, then type-checks and runs them.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { publicPackages, root } from "./workspace.js";

export interface CodeBlock {
  /** The README, relative to the repo root, such as `packages/testing/README.md`. */
  readme: string;
  /** Its line in the README, for messages. */
  line: number;
  lang: string;
  code: string;
  /** The file a block names on its first line (`// send-reminder.test.ts`), if it names one. */
  file: string | undefined;
}

export interface Readme {
  /** A folder name for its blocks: `root`, or the package's folder (`client`, `testing`). */
  key: string;
  path: string;
  blocks: CodeBlock[];
}

/** The languages whose blocks are code the consumer project compiles or runs. */
export const CODE_LANGS = new Set(["ts", "js", "cjs", "mjs"]);

export function codeBlocks(path: string): CodeBlock[] {
  const text = readFileSync(path, "utf8");
  const blocks: CodeBlock[] = [];
  for (const match of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    const lang = match[1] ?? "";
    const code = match[2] ?? "";
    if (!CODE_LANGS.has(lang)) {
      continue;
    }
    const line = text.slice(0, match.index).split("\n").length;
    const file = /^\/\/ ([\w.-]+\.[cm]?[jt]s)\b/.exec(code)?.[1];
    blocks.push({ readme: relative(root, path), line, lang, code, file });
  }
  return blocks;
}

/** The root README, then each public package's, with their code blocks. */
export function userReadmes(): Readme[] {
  return [
    { key: "root", path: join(root, "README.md") },
    ...publicPackages().map((pkg) => ({ key: pkg.folder, path: join(pkg.dir, "README.md") })),
  ].map((readme) => ({ ...readme, blocks: codeBlocks(readme.path) }));
}
