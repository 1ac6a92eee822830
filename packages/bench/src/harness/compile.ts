import { join } from "node:path";
import { build } from "esbuild";
import { benchRoot, outDir } from "./paths.js";

/**
 * Compiles a module under src/ to one ESM file in .out/, its own imports inlined and npm
 * packages left as imports, so a fresh `node` process can load it from the package folder.
 */
export async function compileForNode(sourceFile: string, outName: string): Promise<string> {
  const outfile = join(outDir, outName);
  await build({
    entryPoints: [join(benchRoot, "src", sourceFile)],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return outfile;
}
