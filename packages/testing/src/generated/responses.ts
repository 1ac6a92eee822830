/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate` (packages/testing/scripts/generate.mjs).
 */

import type { ValidateFunction } from "../validation/types.js";
import * as validators from "./response-validators.js";

/** A validator of the JSON body of each documented answer that has a schema, by operation and status. */
export const responseValidators: Readonly<Record<string, Readonly<Record<string, ValidateFunction>>>> = {
  "listWhatsappTemplates": { "200": validators.v1, "401": validators.v2, "422": validators.v3, "429": validators.v4, "500": validators.v5 },
  "getWhatsappTemplate": { "200": validators.v7, "401": validators.v8, "404": validators.v9, "422": validators.v10, "429": validators.v11, "500": validators.v12 },
  "sendWhatsappTemplate": { "200": validators.v15, "401": validators.v16, "404": validators.v17, "422": validators.v18, "429": validators.v19, "500": validators.v20 },
};
