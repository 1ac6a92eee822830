// The scenario every runtime runs: the real client against the real in-process mock, handed
// in as `fetch` (nothing global is patched). Each step records what it observed; the tests
// decide whether that is right, so a runtime can never pass by reporting "done".
import { AuthenticationError, Kapso, RateLimitError, ValidationError } from "@kapsokit/client";
import { createKapsoMock, fixtures, type KapsoMock, REDACTED } from "@kapsokit/testing";
import type {
  BrowserGuardObservation,
  RuntimeInfo,
  ScenarioResult,
  SendObservation,
  Step,
} from "./result.js";

/** Prefix of the stdout line that carries a process runtime's result. */
export const RESULT_MARKER = "KAPSOKIT_RUNTIME_RESULT ";

/** Seconds of `Retry-After` the mock's 429 carries. */
export const RETRY_AFTER_SECONDS = 7;

async function step<T>(run: () => Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: "NonError", message: String(error) };
    return { ok: false, error: { name, message } };
  }
}

/** Runs `run`, which must throw; returns the error, or fails the step when nothing was thrown. */
async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but the call succeeded");
}

function describeError(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: typeof error, message: "" };
}

/** The last send the mock accepted, as the wire carried it. */
function lastSent(mock: KapsoMock): SendObservation["recorded"] {
  const message = mock.sent.at(-1);
  if (!message) {
    return null;
  }
  return {
    templateId: message.templateId,
    phoneNumber: message.template.phone_number,
    parameters: message.template.template_parameters ?? null,
  };
}

type Inspect = (value: unknown) => string;

interface InspectorGlobals {
  Bun?: { inspect: Inspect };
  Deno?: { inspect: Inspect };
  process?: { getBuiltinModule?: (id: string) => { inspect?: Inspect } | undefined };
}

/** How the runtime's console shows an object, where it has such a function (not in pages or workerd). */
function runtimeInspector(): { name: string; inspect: Inspect } | null {
  const g = globalThis as InspectorGlobals;
  if (g.Bun) {
    return { name: "Bun.inspect", inspect: (v) => g.Bun!.inspect(v) };
  }
  if (g.Deno) {
    return { name: "Deno.inspect", inspect: (v) => g.Deno!.inspect(v) };
  }
  const util = g.process?.getBuiltinModule?.("node:util");
  if (util?.inspect) {
    return { name: "util.inspect", inspect: util.inspect };
  }
  return null;
}

/** A key no fixture or header could contain by chance. */
function freshApiKey(): string {
  return `kapso_rt_${crypto.randomUUID().replaceAll("-", "")}`;
}

export async function runScenario(
  runtime: RuntimeInfo,
  options: { browser: boolean },
): Promise<ScenarioResult> {
  const apiKey = freshApiKey();
  // The mock accepts only this key, so every successful answer proves it went out as X-API-Key.
  const mock = createKapsoMock({ apiKeys: [apiKey] });
  // Every level is collected, so the key check covers the log lines too.
  const logLines: string[] = [];
  const collect = (line: string) => {
    logLines.push(line);
  };
  // Outside a browser the flag is left out: a runtime mistaken for a browser fails here.
  const kapso = new Kapso({
    apiKey,
    fetch: mock.fetch,
    baseUrl: mock.baseUrl,
    logLevel: "debug",
    logger: { error: collect, warn: collect, info: collect, debug: collect },
    ...(options.browser ? { dangerouslyAllowBrowser: true } : {}),
  });
  const errorsSeen: unknown[] = [];

  const sendPositional = await step(async () => {
    const response = await kapso.templates.send(fixtures.appointmentReminder.id, {
      to: "+1 (415) 555-0123",
      parameters: ["Ana", "Friday 10:00"],
      header: { type: "image", url: "https://example.com/clinic.png" },
    });
    return { status: response.status, templateId: response.template_id, recorded: lastSent(mock) };
  });

  const sendNamed = await step(async () => {
    const response = await kapso.templates.send(fixtures.orderUpdate.id, {
      to: "+44 20 7946 0958",
      parameters: { customer_name: "Ana", order_number: "1042" },
      header: { type: "text", text: "Order 1042" },
    });
    return { status: response.status, templateId: response.template_id, recorded: lastSent(mock) };
  });

  const get = await step(async () => {
    const { data } = await kapso.templates.get(fixtures.invoiceReady.id);
    return { id: data.id, name: data.name, status: data.status };
  });

  const list = await step(async () => {
    const page = await kapso.templates.list({ status: "approved", perPage: 2 });
    const before = mock.calls.length;
    const iterated: string[] = [];
    for await (const template of kapso.templates.list({ status: "approved", perPage: 2 })) {
      iterated.push(template.id);
    }
    return {
      page: {
        ids: page.data.map((t) => t.id),
        page: page.meta.page,
        perPage: page.meta.per_page,
        totalPages: page.meta.total_pages,
        totalCount: page.meta.total_count,
      },
      iterated,
      requests: mock.calls.length - before,
    };
  });

  const validation = await step(async () => {
    const before = mock.calls.length;
    const error = await caught(() =>
      kapso.templates.send(fixtures.appointmentReminder.id, { to: "call me", parameters: ["Ana", ""] }),
    );
    errorsSeen.push(error);
    return {
      ...describeError(error),
      isExpectedClass: error instanceof ValidationError,
      paths: error instanceof ValidationError ? error.issues.map((i) => i.path) : [],
      requestsDuringBadSend: mock.calls.length - before,
    };
  });

  const rateLimit = await step(async () => {
    mock.fault(
      { kind: "rateLimited", retryAfter: RETRY_AFTER_SECONDS },
      { operation: "sendWhatsappTemplate" },
    );
    const before = mock.calls.length;
    const error = await caught(() =>
      kapso.templates.send(
        fixtures.appointmentReminder.id,
        { to: "+14155550123", parameters: ["Ana", "Friday 10:00"] },
        // Without retries the 429 comes straight back instead of waiting out Retry-After.
        { maxRetries: 0 },
      ),
    );
    errorsSeen.push(error);
    return {
      ...describeError(error),
      isExpectedClass: error instanceof RateLimitError,
      status: error instanceof RateLimitError ? error.status : 0,
      retryAfter: error instanceof RateLimitError ? (error.retryAfter ?? null) : null,
      attempts: mock.calls.length - before,
    };
  });

  const requests = mock.calls.length;

  // The mock on its own: a request no client would send is refused by the spec validators,
  // which are precompiled so they also run where code generation from strings is forbidden.
  const mockValidation = await step(async () => {
    const sentBefore = mock.sent.length;
    const response = await mock.fetch(
      `${mock.baseUrl}/whatsapp_templates/${fixtures.appointmentReminder.id}/send_template`,
      {
        method: "POST",
        headers: { "X-API-Key": apiKey, "Content-Type": "application/json" },
        body: JSON.stringify({ template: { phone_number: "12", template_parameters: ["Ana", 2] } }),
      },
    );
    const body = (await response.json()) as { violations?: { location: string[] }[] };
    return {
      status: response.status,
      locations: (body.violations ?? []).map((v) => v.location.join(".")),
      sent: mock.sent.length - sentBefore,
    };
  });

  const authentication = await step(async () => {
    const stranger = new Kapso({
      apiKey: freshApiKey(),
      fetch: mock.fetch,
      baseUrl: mock.baseUrl,
      logLevel: "off",
      ...(options.browser ? { dangerouslyAllowBrowser: true } : {}),
    });
    const error = await caught(() => stranger.templates.get(fixtures.invoiceReady.id));
    return {
      ...describeError(error),
      isExpectedClass: error instanceof AuthenticationError,
      status: error instanceof AuthenticationError ? error.status : 0,
    };
  });

  const browserGuard = options.browser ? await step(() => checkBrowserGuard(apiKey, mock)) : undefined;

  const key = await step(async () => {
    const serializedClient = JSON.stringify(kapso);
    const candidates: Record<string, string> = {
      "JSON.stringify(client)": serializedClient,
      "String(client)": String(kapso),
      "recorded calls": JSON.stringify(mock.calls),
      "log lines": logLines.join("\n"),
    };
    const inspector = runtimeInspector();
    if (inspector) {
      candidates[`${inspector.name}(client)`] = inspector.inspect(kapso);
    }
    errorsSeen.forEach((error, i) => {
      candidates[`error ${i} JSON`] = JSON.stringify(error);
      candidates[`error ${i} stack`] = error instanceof Error ? String(error.stack) : String(error);
      if (inspector) {
        candidates[`${inspector.name}(error ${i})`] = inspector.inspect(error);
      }
    });
    return {
      inspector: inspector?.name ?? null,
      authenticated: mock.calls.length > 0 && mock.calls.every((c) => c.headers["x-api-key"] === REDACTED),
      leaks: Object.entries(candidates)
        .filter(([, text]) => text.includes(apiKey))
        .map(([where]) => where),
      serializedClientLength: serializedClient.length,
      logLines: logLines.length,
      requests,
    };
  });

  return {
    runtime,
    apiKeyLength: apiKey.length,
    steps: {
      sendPositional,
      sendNamed,
      get,
      list,
      validation,
      rateLimit,
      mockValidation,
      authentication,
      key,
      ...(browserGuard ? { browserGuard } : {}),
    },
  };
}

/** In a page the constructor refuses an API key unless the caller opts in. */
async function checkBrowserGuard(apiKey: string, mock: KapsoMock): Promise<BrowserGuardObservation> {
  let withoutFlag: BrowserGuardObservation["withoutFlag"];
  try {
    new Kapso({ apiKey, fetch: mock.fetch, baseUrl: mock.baseUrl });
    withoutFlag = { threw: false, name: "", message: "" };
  } catch (error) {
    withoutFlag = { threw: true, ...describeError(error) };
  }
  const allowed = new Kapso({
    apiKey,
    fetch: mock.fetch,
    baseUrl: mock.baseUrl,
    dangerouslyAllowBrowser: true,
  });
  const response = await allowed.templates.send(fixtures.invoiceReady.id, {
    to: "+14155550123",
    parameters: ["INV-2041"],
    header: { type: "document", url: "https://example.com/invoice.pdf", filename: "invoice.pdf" },
  });
  return { withoutFlag, withFlag: { constructed: true, sendStatus: response.status } };
}
