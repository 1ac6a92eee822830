/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate` (packages/testing/scripts/generate.mjs).
 */

import type { ValidateFunction } from "../validation/types.js";

export declare const v0: ValidateFunction;
export declare const v6: ValidateFunction;
export declare const v13: ValidateFunction;
export declare const v14: ValidateFunction;
