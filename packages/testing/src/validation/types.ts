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

/** One error of a generated validator, as ajv reports it. */
export interface ValidationErrorObject {
  /** JSON pointer to the value that failed, `""` for the value itself. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A validator ajv generated from the spec: true when the value fits; the errors otherwise. */
export type ValidateFunction = ((value: unknown) => boolean) & {
  errors?: ValidationErrorObject[] | null;
};

/** What deserialising a parameter's raw text needs of its schema (Prism's deserialisers). */
export interface ParameterShape {
  type?: string;
  properties?: Record<string, ParameterShape>;
  items?: ParameterShape;
}

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** `form`, `simple`, `deepObject`, ... */
  style: string;
  explode: boolean;
  shape: ParameterShape;
}

/** One way a request may authenticate. */
export type SecuritySchemeSpec =
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string }
  | { type: "http"; scheme: string }
  | { type: string };

/** One operation of the spec, compiled by `pnpm generate`. */
export interface OperationSpec {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. `/whatsapp_templates/{template_id}`. */
  path: string;
  parameters: readonly ParameterSpec[];
  /** Validators of the path, query and header parameters, each as one object (names in lower case). */
  validateParameters: { path?: ValidateFunction; query?: ValidateFunction; header?: ValidateFunction };
  body: {
    required: boolean;
    contents: readonly { mediaType: string; validate: ValidateFunction | null }[];
  } | null;
  /** Ways to authenticate, any one of which will do; each lists the schemes it needs together. */
  security: readonly (readonly SecuritySchemeSpec[])[];
  /** The response statuses the spec documents for it: `"200"`, `"4XX"`, `"default"`. */
  statuses: readonly string[];
}
