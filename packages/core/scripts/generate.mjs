// Core's part of `pnpm generate` (scripts/generate.mjs at the root runs it): the TypeScript
// types of the spec, through openapi-typescript. It returns the files' contents and writes
// nothing; the root script writes every package's files once all generators have succeeded.
import openapiTS, { astToString } from "openapi-typescript";

const banner = `/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with \`pnpm generate\`.
 */
`;

/**
 * The files of `src/generated/`, by name, for a loaded and checked spec.
 *
 * @param {{ url: URL }} spec
 * @returns {Promise<Record<string, string>>}
 */
export async function generate(spec) {
  const ast = await openapiTS(spec.url, {
    alphabetize: false,
    exportType: false,
    // `minItems: 1` becomes `[T, ...T[]]`, so `messages[0].id` needs no check under
    // `noUncheckedIndexedAccess`.
    arrayLength: true,
    silent: true,
  });
  return { "schema.ts": banner + astToString(ast) };
}
