// Reads an npm tarball (gzipped ustar) into memory, so the tests look at exactly what
// `npm install` would unpack, without extracting it anywhere.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export type TarballFiles = Map<string, Buffer>;

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString("utf8");
}

/** Every regular file in the tarball, keyed by its path inside the package (no `package/` prefix). */
export function readTarball(path: string): TarballFiles {
  const data = gunzipSync(readFileSync(path));
  const files: TarballFiles = new Map();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) {
      break;
    }
    const size = Number.parseInt(field(header, 124, 12).trim() || "0", 8);
    const type = field(header, 156, 1) || "0";
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const body = data.subarray(offset + 512, offset + 512 + size);
    longName = undefined;
    if (type === "L") {
      longName = field(body, 0, body.length);
    } else if (type === "0") {
      files.set(name.replace(/^package\//, ""), Buffer.from(body));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The package.json as packed, with `workspace:` ranges already rewritten by the packer. */
export function packedManifest(files: TarballFiles): Record<string, unknown> {
  const raw = files.get("package.json");
  if (!raw) {
    throw new Error("the tarball has no package.json");
  }
  return JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
}
