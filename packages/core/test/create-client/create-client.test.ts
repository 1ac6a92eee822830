import { describe, expect, it } from "vitest";
import { createClient, DEFAULT_BASE_URL } from "../../src/index.js";

const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

function recordingFetch() {
  const requests: Request[] = [];
  // The transport calls fetch(url, init), as the platform's fetch is called.
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Response.json({ data: [], meta: { page: 1, per_page: 20, total_pages: 0, total_count: 0 } });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

describe("createClient", () => {
  it("sends to the production base URL by default", async () => {
    const { requests, fetch } = recordingFetch();
    await createClient({ apiKey: "k", fetch }).GET("/whatsapp_templates");
    expect(requests[0]?.url).toBe(`${DEFAULT_BASE_URL}/whatsapp_templates`);
    expect(DEFAULT_BASE_URL).toBe("https://app.kapso.ai/api/v1");
  });

  it("uses a custom base URL, with or without a trailing slash", async () => {
    const { requests, fetch } = recordingFetch();
    await createClient({ apiKey: "k", fetch, baseUrl: "http://127.0.0.1:4010/" }).GET(
      "/whatsapp_templates/{template_id}",
      { params: { path: { template_id: TEMPLATE_ID } } },
    );
    expect(requests[0]?.url).toBe(`http://127.0.0.1:4010/whatsapp_templates/${TEMPLATE_ID}`);
  });

  it("sends the API key, a JSON content type and a User-Agent", async () => {
    const { requests, fetch } = recordingFetch();
    await createClient({ apiKey: "secret-key", fetch }).POST(
      "/whatsapp_templates/{template_id}/send_template",
      {
        params: { path: { template_id: TEMPLATE_ID } },
        body: { template: { phone_number: "+123456789012" } },
      },
    );
    const request = requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.headers.get("x-api-key")).toBe("secret-key");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("user-agent")).toMatch(/^kapsokit\/\d+\.\d+\.\d+/);
    expect(await request.json()).toEqual({ template: { phone_number: "+123456789012" } });
  });

  it("does not let extra headers replace the API key", async () => {
    const { requests, fetch } = recordingFetch();
    await createClient({ apiKey: "real", fetch, headers: { "X-API-Key": "other", "X-Trace": "1" } }).GET(
      "/whatsapp_templates",
    );
    expect(requests[0]?.headers.get("x-api-key")).toBe("real");
    expect(requests[0]?.headers.get("x-trace")).toBe("1");
  });

  it("serialises list filters as q[...] query parameters", async () => {
    const { requests, fetch } = recordingFetch();
    await createClient({ apiKey: "k", fetch }).GET("/whatsapp_templates", {
      params: { query: { page: 2, q: { status_eq: "approved", name_cont: "order" } } },
    });
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get("page")).toBe("2");
    expect(url.searchParams.get("q[status_eq]")).toBe("approved");
    expect(url.searchParams.get("q[name_cont]")).toBe("order");
  });
});

describe("createClient through the transport", () => {
  it("retries a read after a 503 and returns the answer that follows", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return calls === 1
        ? Response.json({}, { status: 503, headers: { "Retry-After": "0" } })
        : Response.json({ data: [] });
    };
    const { data } = await createClient({ apiKey: "k", fetch }).GET("/whatsapp_templates");
    expect(data).toEqual({ data: [] });
    expect(calls).toBe(2);
  });

  it("returns an HTTP error as { error } and does not repeat a send after a 500", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return Response.json({ status: "error", message: "Failed to send" }, { status: 500 });
    };
    const { error, response } = await createClient({ apiKey: "k", fetch }).POST(
      "/whatsapp_templates/{template_id}/send_template",
      {
        params: { path: { template_id: TEMPLATE_ID } },
        body: { template: { phone_number: "+123456789012" } },
      },
    );
    expect(response.status).toBe(500);
    expect(error).toEqual({ status: "error", message: "Failed to send" });
    expect(calls).toBe(1);
  });
});

describe("the answer createClient hands back", () => {
  it("keeps the URL that answered, as the platform's fetch does", async () => {
    const fetch = async (input: string | URL | Request) =>
      Object.defineProperty(
        Response.json({ data: [], meta: { page: 1, per_page: 20, total_pages: 0, total_count: 0 } }),
        "url",
        {
          value: String(input),
        },
      );
    const { response } = await createClient({ apiKey: "k", fetch, baseUrl: "http://127.0.0.1:4010" }).GET(
      "/whatsapp_templates",
    );
    expect(response.url).toBe("http://127.0.0.1:4010/whatsapp_templates");
  });
});
