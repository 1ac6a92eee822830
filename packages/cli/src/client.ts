// The client a command uses: the key and base URL from the environment or flags, quiet logs,
// and for --dry-run a fetch that answers sends itself so nothing is sent.
import { Kapso, type LogLevel, type SendTemplateBody, type SendTemplateResponse } from "@kapsokit/client";
import { UsageError } from "./errors.js";
import type { Io } from "./io.js";

const LOG_LEVELS: readonly string[] = ["off", "error", "warn", "info", "debug"];

export interface ClientFlags {
  baseUrl?: string | undefined;
  dryRun?: boolean | undefined;
  /** Sees the wire body of each send a dry run stops. */
  onDryRunSend?: ((body: unknown) => void) | undefined;
}

/** The base URL a command talks to: --base-url, then KAPSO_BASE_URL, then the API's. */
export function baseUrlOf(io: Io, flag: string | undefined): string | undefined {
  const baseUrl = flag ?? io.env.KAPSO_BASE_URL;
  if (baseUrl === undefined || baseUrl === "") {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`the base URL "${baseUrl}" is not a URL (such as http://127.0.0.1:4010/api/v1)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`the base URL "${baseUrl}" must start with https:// or http://`);
  }
  return baseUrl;
}

type Fetch = NonNullable<Io["fetch"]>;

/** A fetch that answers `send_template` with a success of its own and passes reads through. */
export function dryRunFetch(fetch: Fetch, onSend: (body: unknown) => void = () => undefined): Fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const match = /\/whatsapp_templates\/([^/]+)\/send_template$/.exec(new URL(request.url).pathname);
    if (request.method !== "POST" || !match) {
      return fetch(input, init);
    }
    const sent = (await request.json()) as SendTemplateBody;
    onSend(sent);
    // The answer's shape, with no message id: nothing went to WhatsApp.
    const phone = sent.template.phone_number;
    const body: SendTemplateResponse = {
      status: "success",
      message: "Dry run: checked, not sent",
      template_id: decodeURIComponent(match[1]!),
      template_name: "",
      response: {
        messaging_product: "whatsapp",
        contacts: [{ input: phone, wa_id: phone.slice(1) }],
        messages: [{ id: "" }],
      },
    };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  };
}

/** Builds the client, or throws a `UsageError` when there is no key or the URL is wrong. */
export function createKapso(io: Io, flags: ClientFlags): Kapso {
  const apiKey = io.env.KAPSO_API_KEY?.trim();
  if (!apiKey) {
    throw new UsageError(
      "no API key: set KAPSO_API_KEY (against `kapsokit mock`, any value works, e.g. KAPSO_API_KEY=test)",
    );
  }
  const baseUrl = baseUrlOf(io, flags.baseUrl);
  const log = io.env.KAPSO_LOG;
  const logLevel = (log && LOG_LEVELS.includes(log) ? log : "off") as LogLevel;
  const fetch: Fetch = io.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return new Kapso({
    apiKey,
    baseUrl,
    fetch: flags.dryRun ? dryRunFetch(fetch, flags.onDryRunSend) : fetch,
    logLevel,
    logger: { debug: write(io), info: write(io), warn: write(io), error: write(io) },
    validateAgainstTemplate: true,
  });
}

function write(io: Io) {
  return (...parts: unknown[]) => {
    io.stderr.write(`${parts.join(" ")}\n`);
  };
}
