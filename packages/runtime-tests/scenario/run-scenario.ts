import { createClient } from "@kapsokit/core";
import type { RuntimeInfo, ScenarioResult, Step } from "./result.js";

/** Prefix of the stdout line that carries a process runtime's result. */
export const RESULT_MARKER = "KAPSOKIT_RUNTIME_RESULT ";

const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

async function step<T>(run: () => Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: "NonError", message: String(error) };
    return { ok: false, error: { name, message } };
  }
}

const pending = () => step<never>(async () => Promise.reject(new Error("not wired yet")));

export async function runScenario(
  runtime: RuntimeInfo,
  _options: { browser: boolean },
): Promise<ScenarioResult> {
  const stub = async (input: RequestInfo | URL) =>
    Response.json({
      data: {
        id: TEMPLATE_ID,
        name: "order_update",
        status: "approved",
        seen: input instanceof Request ? input.headers.get("x-api-key") : null,
      },
    });
  const api = createClient({ apiKey: "k", fetch: stub });
  return {
    runtime,
    apiKeyLength: 1,
    steps: {
      get: await step(async () => {
        const { data } = await api.GET("/whatsapp_templates/{template_id}", {
          params: { path: { template_id: TEMPLATE_ID } },
        });
        if (!data) throw new Error("no data");
        return { id: data.data.id, name: data.data.name, status: data.data.status };
      }),
      sendPositional: await pending(),
      sendNamed: await pending(),
      list: await pending(),
      validation: await pending(),
      rateLimit: await pending(),
      key: await pending(),
    },
  };
}
