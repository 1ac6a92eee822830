// A stand-in for the Kapso API behind an injected fetch: answers the three operations with
// spec-shaped bodies (or what a test scripts), and records every request it was given.
import type { WhatsappTemplate } from "@kapsokit/core";

export const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
export const OTHER_ID = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
export const API_KEY = "kapso_live_7d1f0c2a9b8e4d3c";

export function template(overrides: Partial<WhatsappTemplate> = {}): WhatsappTemplate {
  return {
    id: TEMPLATE_ID,
    name: "appointment_reminder",
    language_code: "en_US",
    category: "UTILITY",
    status: "approved",
    content: "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
    parameter_count: 2,
    business_account_id: null,
    whatsapp_config_ids: [],
    components: [{ type: "BODY", text: "Hi {{1}}, this is a reminder of your appointment on {{2}}." }],
    metadata: {},
    created_at: "2025-03-01T09:30:00Z",
    updated_at: "2025-03-01T09:30:00Z",
    ...overrides,
  };
}

export const sendAnswer = {
  status: "success",
  message: "Template message sent successfully",
  template_id: TEMPLATE_ID,
  template_name: "appointment_reminder",
  response: {
    messaging_product: "whatsapp",
    contacts: [{ input: "+14155550123", wa_id: "14155550123" }],
    messages: [{ id: "wamid.1" }],
  },
} as const;

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * A fetch for the client. `answers` are used in order for the calls they match (by method),
 * falling back to a 200 with a spec-shaped body.
 */
export function fakeApi(
  options: { templates?: WhatsappTemplate[]; perPage?: number; answers?: Answer[] } = {},
) {
  const templates = options.templates ?? [template()];
  const calls: Recorded[] = [];
  const answers = [...(options.answers ?? [])];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    const url = new URL(request.url);
    calls.push({
      method: request.method,
      url,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    });
    const scripted = answers.shift();
    if (scripted instanceof Error) throw scripted;
    if (scripted instanceof Response) return scripted;
    if (scripted) return scripted(request);
    if (request.method === "POST")
      return Response.json(sendAnswer, { headers: { "X-Request-Id": "req_send" } });
    const id = url.pathname.split("/whatsapp_templates/")[1];
    if (id) {
      const found = templates.find((t) => t.id === id);
      return found
        ? Response.json({ data: found })
        : Response.json(
            { error: "Not found", status: 404, message: "WhatsApp template not found" },
            { status: 404 },
          );
    }
    const perPage = Number(url.searchParams.get("per_page") ?? options.perPage ?? 20);
    const page = Number(url.searchParams.get("page") ?? 1);
    const totalPages = Math.ceil(templates.length / perPage);
    return Response.json({
      data: templates.slice((page - 1) * perPage, page * perPage),
      meta: { page, per_page: perPage, total_pages: totalPages, total_count: templates.length },
    });
  };
  return { fetch, calls };
}

/** A logger that keeps every line, by level. */
export function memoryLogger() {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (message: string) => lines.push({ level, message });
  return { lines, logger: { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") } };
}

/** A `fetch(input, init)` built from a handler of `Request`s, as the platform's fetch is called. */
export function fetchOf(handler: (request: Request) => Promise<Response>) {
  return (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    handler(new Request(input, init));
}
