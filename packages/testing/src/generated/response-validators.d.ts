/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate` (packages/testing/scripts/generate.mjs).
 */

import type { ValidateFunction } from "../validation/types.js";

export declare const v1: ValidateFunction;
export declare const v2: ValidateFunction;
export declare const v3: ValidateFunction;
export declare const v4: ValidateFunction;
export declare const v5: ValidateFunction;
export declare const v7: ValidateFunction;
export declare const v8: ValidateFunction;
export declare const v9: ValidateFunction;
export declare const v10: ValidateFunction;
export declare const v11: ValidateFunction;
export declare const v12: ValidateFunction;
export declare const v15: ValidateFunction;
export declare const v16: ValidateFunction;
export declare const v17: ValidateFunction;
export declare const v18: ValidateFunction;
export declare const v19: ValidateFunction;
export declare const v20: ValidateFunction;
