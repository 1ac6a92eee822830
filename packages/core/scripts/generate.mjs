// Regenerates src/generated/schema.ts from the OpenAPI document. Run through `pnpm generate`.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const spec = new URL("../../../openapi/kapso.yaml", import.meta.url);
const out = new URL("../src/generated/schema.ts", import.meta.url);

const banner = `/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with \`pnpm generate\`.
 */
`;

const ast = await openapiTS(spec, { alphabetize: false, exportType: false });
await writeFile(out, banner + astToString(ast));
console.log(`generated ${fileURLToPath(out)}`);
