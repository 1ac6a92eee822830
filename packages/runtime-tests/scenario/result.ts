// The JSON a runtime sends back to its vitest test. Only plain data: it crosses a process
// boundary (stdout), workerd (an HTTP response) or Chromium (page.evaluate).

/** Which runtime actually ran the scenario, as it reports itself. */
export interface RuntimeInfo {
  name: "node" | "bun" | "deno" | "workerd" | "browser";
  version: string;
}

/** A step either produced its observations or failed with an error the test can show. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };

export interface SendObservation {
  /** What `templates.send` resolved to. */
  status: string;
  templateId: string;
  /** What the mock recorded for this send: the wire body the client produced. */
  recorded: { templateId: string; phoneNumber: string; parameters: unknown } | null;
}

export interface GetObservation {
  id: string;
  name: string;
  status: string;
}

export interface ListObservation {
  /** The first page, awaited. */
  page: { ids: string[]; page: number; perPage: number; totalPages: number; totalCount: number };
  /** Every template, by walking the pages with `for await`. */
  iterated: string[];
  /** How many list requests the walk made. */
  requests: number;
}

export interface ErrorObservation {
  name: string;
  message: string;
  /** `instanceof` the class exported by `@kapsokit/client` (proves one copy of the errors). */
  isExpectedClass: boolean;
}

export interface ValidationObservation extends ErrorObservation {
  paths: string[];
  /** Requests the mock received while the bad send ran: none may reach the wire. */
  requestsDuringBadSend: number;
}

export interface RateLimitObservation extends ErrorObservation {
  status: number;
  retryAfter: number | null;
  /** Attempts the mock saw: the 429 is returned once retries are turned off. */
  attempts: number;
}

export interface MockValidationObservation {
  /** The mock's answer to a request that breaks the spec, sent straight to `mock.fetch`. */
  status: number;
  /** Each violation's location, joined with dots (`body.template.phone_number`). */
  locations: string[];
  /** Messages the mock recorded as sent for it: none. */
  sent: number;
}

export interface AuthenticationObservation extends ErrorObservation {
  status: number;
}

export interface KeyObservation {
  /** The runtime's own object inspector that was checked too (`util.inspect`, `Bun.inspect`, `Deno.inspect`). */
  inspector: string | null;
  /** The key really went out as `X-API-Key` (the mock saw it before redacting). */
  authenticated: boolean;
  /** Strings that contain the key: the serialised client, errors, log lines, recorded calls. */
  leaks: string[];
  serializedClientLength: number;
  /** Lines the client logged at level "debug", and requests it made: one line per request at least. */
  logLines: number;
  requests: number;
}

export interface BrowserGuardObservation {
  /** `new Kapso(...)` without `dangerouslyAllowBrowser`. */
  withoutFlag: { threw: boolean; name: string; message: string };
  /** With `dangerouslyAllowBrowser: true`: constructed and able to send. */
  withFlag: { constructed: boolean; sendStatus: string };
}

export interface ScenarioResult {
  runtime: RuntimeInfo;
  apiKeyLength: number;
  steps: {
    sendPositional: Step<SendObservation>;
    sendNamed: Step<SendObservation>;
    get: Step<GetObservation>;
    list: Step<ListObservation>;
    validation: Step<ValidationObservation>;
    rateLimit: Step<RateLimitObservation>;
    mockValidation: Step<MockValidationObservation>;
    authentication: Step<AuthenticationObservation>;
    key: Step<KeyObservation>;
    browserGuard?: Step<BrowserGuardObservation>;
  };
}
