// Reads an OpenAPI document for the generators and checks what every generator relies on:
// that it parses, that it is OpenAPI 3.0 or 3.1, and that every `$ref` leads somewhere. A
// problem is one `SpecError` whose message names the file, the line and column, and what is
// missing, so `pnpm generate` can print it as it is, without a stack trace.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LineCounter, parseDocument } from "yaml";

/** A problem with the document itself, worded for the person who edits it. */
export class SpecError extends Error {
  name = "SpecError";
}

/** The file as the person running the command knows it: relative to the working directory. */
function shown(url) {
  const path = fileURLToPath(url);
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

/** One parsed file: its value, and where each JSON pointer of it starts in the text. */
function parseFile(url) {
  let text;
  try {
    text = readFileSync(url, "utf8");
  } catch (error) {
    throw new SpecError(`${shown(url)}: cannot be read (${error.code ?? error.message})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const { line, col } = lines.linePos(problem.pos[0]);
    const message = problem.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new SpecError(`${shown(url)}:${line}:${col}: not valid YAML or JSON: ${message}`);
  }
  const value = doc.toJS({ maxAliasCount: -1 });
  /** `file:line:col` of the node at a pointer (or of the nearest parent that exists). */
  const locate = (segments) => {
    for (let n = segments.length; n >= 0; n--) {
      const node = doc.getIn(segments.slice(0, n), true);
      const offset = node?.range?.[0];
      if (typeof offset === "number") {
        const { line, col } = lines.linePos(offset);
        return `${shown(url)}:${line}:${col}`;
      }
    }
    return shown(url);
  };
  return { url, value, locate };
}

/** `#/components/schemas/A~1B` → `["components", "schemas", "A/B"]`. */
export function pointerSegments(pointer) {
  if (pointer === "" || pointer === "/") {
    return pointer === "" ? [] : [""];
  }
  if (!pointer.startsWith("/")) {
    throw new SpecError(`"${pointer}" is not a JSON pointer`);
  }
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~"));
}

const DATA_KEYWORDS = new Set(["example", "default", "const", "enum"]);

const where = (segments) => segments.map((s) => (/^[\w-]+$/.test(s) ? s : JSON.stringify(s))).join(".");

/**
 * A loaded document. `resolve` follows one `$ref` from the file it appears in and hands back
 * the target and its file; every `$ref` was checked when the document was loaded.
 */
export class Spec {
  #files = new Map();

  constructor(url) {
    this.url = url;
    this.file = shown(url);
    this.root = this.#load(url);
    this.document = this.root.value;
    const version = this.document?.openapi;
    if (typeof this.document !== "object" || this.document === null || Array.isArray(this.document)) {
      throw new SpecError(`${this.file}: is not an OpenAPI document (its top level is not a mapping)`);
    }
    if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
      throw new SpecError(
        `${this.root.locate(["openapi"])}: openapi is ${JSON.stringify(version ?? null)}; the generators read OpenAPI 3.0.x and 3.1.x`,
      );
    }
    this.version = version.startsWith("3.1") ? "3.1" : "3.0";
    const paths = this.document.paths ?? {};
    if (typeof paths !== "object" || Array.isArray(paths)) {
      throw new SpecError(`${this.root.locate(["paths"])}: paths must be a mapping of path to operations`);
    }
    this.#checkRefs(this.root, this.document, []);
  }

  #load(url) {
    const key = url.href;
    if (!this.#files.has(key)) {
      this.#files.set(key, parseFile(url));
    }
    return this.#files.get(key);
  }

  /** The target of `ref` written in `fromUrl`, or a `SpecError` naming `at` and what is missing. */
  resolve(ref, fromUrl = this.url, at = null) {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : ref.slice(hash + 1);
    const source = at ?? shown(fromUrl);
    let file;
    if (filePart === "") {
      file = this.#load(fromUrl);
    } else {
      const target = new URL(filePart, fromUrl);
      if (target.protocol !== "file:") {
        throw new SpecError(
          `${source}: $ref "${ref}" points outside the local files, which is not supported`,
        );
      }
      try {
        file = this.#load(target);
      } catch (error) {
        if (error instanceof SpecError && error.message.includes("cannot be read")) {
          throw new SpecError(
            `${source}: $ref "${ref}" points to a file that cannot be read (${shown(target)})`,
          );
        }
        throw error;
      }
    }
    let segments;
    try {
      segments = pointerSegments(pointer);
    } catch {
      throw new SpecError(`${source}: $ref "${ref}" has no valid JSON pointer after "#"`);
    }
    let value = file.value;
    for (const [i, segment] of segments.entries()) {
      const next =
        value !== null && typeof value === "object" && Object.hasOwn(value, segment)
          ? value[segment]
          : undefined;
      if (next === undefined) {
        const parent = where(segments.slice(0, i)) || "the document";
        throw new SpecError(
          `${source}: $ref "${ref}" points to nothing: ${parent} has no ${JSON.stringify(segment)}${
            file === this.root ? "" : ` in ${shown(file.url)}`
          }`,
        );
      }
      value = next;
    }
    return { value, url: file.url, pointer: `#${pointer}` };
  }

  #checkRefs(file, node, segments, seen = new Set()) {
    if (node === null || typeof node !== "object") {
      return;
    }
    if (seen.has(node)) {
      return;
    }
    seen.add(node);
    if (typeof node.$ref === "string") {
      const target = this.resolve(node.$ref, file.url, file.locate([...segments, "$ref"]));
      const targetFile = this.#load(target.url);
      if (targetFile !== file || target.pointer === "#") {
        this.#checkRefs(targetFile, target.value, pointerSegments(target.pointer.slice(1)), seen);
      }
    }
    const propertyNames = segments.at(-1) === "properties";
    for (const [key, child] of Object.entries(node)) {
      // Examples and defaults are data, not schema: a `$ref` key inside one is just a value.
      const data = DATA_KEYWORDS.has(key) || (key === "value" && segments.at(-2) === "examples");
      if (data && !propertyNames) {
        continue;
      }
      this.#checkRefs(file, child, [...segments, key], seen);
    }
  }

  /** Follows `$ref`s until a value that is not one. */
  deref(node, fromUrl = this.url) {
    let current = { value: node, url: fromUrl };
    for (let hops = 0; current.value && typeof current.value.$ref === "string"; hops++) {
      if (hops > 64) {
        throw new SpecError(`${this.file}: $ref "${node.$ref}" is a loop of references`);
      }
      current = this.resolve(current.value.$ref, current.url);
    }
    return current;
  }
}

/**
 * Loads and checks an OpenAPI document.
 *
 * @example
 * ```js
 * const spec = loadSpec(new URL("../openapi/kapso.yaml", import.meta.url));
 * spec.document.paths; // the parsed paths
 * ```
 */
export function loadSpec(fileOrUrl) {
  const url = fileOrUrl instanceof URL ? fileOrUrl : pathToFileURL(fileOrUrl);
  return new Spec(url);
}
