/** Where a violation sits: `["body", "template", "phone_number"]`, `["query", "per_page"]`. */
export type Path = string[];

/** One way a request breaks the spec. */
export interface Violation {
  /** The location, starting with `path`, `query`, `header` or `body`. */
  path: Path;
  /** The JSON Schema keyword that failed (`type`, `required`, `format`, ...), or `415`/`401`. */
  code: string;
  /** What the value must be, as ajv words it (`must be integer`). */
  message: string;
}

/** Pushes every violation of one schema for `value` at `path` into `errors`. */
export type Validate = (value: unknown, path: Path, errors: Violation[]) => void;

/** A scalar type that query and path values are coerced to before validation. */
export type ScalarType = "string" | "integer" | "number" | "boolean" | "array" | "object";

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  style: string;
  /** For a scalar parameter: the type its string value is coerced to. */
  type?: ScalarType;
  /** For a `deepObject` parameter: its properties and their types. */
  properties?: Record<string, ScalarType>;
  validate: Validate;
}

/** One operation of the spec, compiled by `pnpm generate`. */
export interface OperationSpec {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. `/whatsapp_templates/{template_id}`. */
  path: string;
  parameters: readonly ParameterSpec[];
  body: { required: boolean; validate: Validate } | null;
  /** Header names of the API keys the operation requires. */
  security: readonly string[];
  /** The response statuses the spec documents for it. */
  statuses: readonly number[];
  /** A validator of the JSON body for each documented status that has a schema. */
  responses: Readonly<Record<number, Validate>>;
}
