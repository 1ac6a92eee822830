// Options, environment variables and the browser guard.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_BASE_URL, Kapso, KapsoError } from "../../src/index.js";
import { API_KEY, fakeApi, TEMPLATE_ID } from "../support/fake-api.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("the API key", () => {
  it("is read from KAPSO_API_KEY when not given", async () => {
    vi.stubEnv("KAPSO_API_KEY", "from_env_key_123");
    const api = fakeApi();
    await new Kapso({ fetch: api.fetch }).templates.get(TEMPLATE_ID);
    expect(api.calls[0]?.headers.get("x-api-key")).toBe("from_env_key_123");
  });

  it("given as an option wins over the environment", async () => {
    vi.stubEnv("KAPSO_API_KEY", "from_env_key_123");
    const api = fakeApi();
    await new Kapso({ apiKey: API_KEY, fetch: api.fetch }).templates.get(TEMPLATE_ID);
    expect(api.calls[0]?.headers.get("x-api-key")).toBe(API_KEY);
  });

  it("missing everywhere is a clear error", () => {
    vi.stubEnv("KAPSO_API_KEY", "");
    expect(() => new Kapso()).toThrow(KapsoError);
    expect(() => new Kapso()).toThrow(/KAPSO_API_KEY/);
  });
});

describe("the base URL", () => {
  it("defaults to production", () => {
    vi.stubEnv("KAPSO_BASE_URL", "");
    expect(new Kapso({ apiKey: API_KEY }).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  it("is read from KAPSO_BASE_URL, and the option wins", async () => {
    vi.stubEnv("KAPSO_BASE_URL", "http://127.0.0.1:4010/");
    const api = fakeApi();
    await new Kapso({ apiKey: API_KEY, fetch: api.fetch }).templates.get(TEMPLATE_ID);
    expect(api.calls[0]?.url.origin).toBe("http://127.0.0.1:4010");
    expect(new Kapso({ apiKey: API_KEY, baseUrl: "https://eu.example.test/v1" }).baseUrl).toBe(
      "https://eu.example.test/v1",
    );
  });
});

describe("a bad base URL", () => {
  it("is refused when the client is made, not on every call", () => {
    expect(() => new Kapso({ apiKey: API_KEY, baseUrl: "app.kapso.ai/api/v1" })).toThrow(
      /baseUrl must be an http or https URL/,
    );
    expect(() => new Kapso({ apiKey: API_KEY, baseUrl: "ftp://app.kapso.ai/api/v1" })).toThrow(KapsoError);
    vi.stubEnv("KAPSO_BASE_URL", "not a url");
    expect(() => new Kapso({ apiKey: API_KEY })).toThrow(KapsoError);
  });
});

describe("runtimes without process", () => {
  it("works where there is no process at all, as in browsers and workerd", async () => {
    vi.stubGlobal("process", undefined);
    const api = fakeApi();
    const kapso = new Kapso({ apiKey: API_KEY, fetch: api.fetch, logLevel: "off" });
    await kapso.templates.get(TEMPLATE_ID);
    expect(api.calls).toHaveLength(1);
  });

  it("works where reading the environment throws, as in Deno without --allow-env", () => {
    vi.stubGlobal("process", {
      get env(): never {
        throw new Error("Requires env access");
      },
    });
    expect(() => new Kapso({ apiKey: API_KEY, logLevel: "off" })).not.toThrow();
  });

  it("reads Deno.env when there is no process", async () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("Deno", {
      env: { get: (name: string) => (name === "KAPSO_API_KEY" ? "deno_key_123" : undefined) },
    });
    const api = fakeApi();
    await new Kapso({ fetch: api.fetch, logLevel: "off" }).templates.get(TEMPLATE_ID);
    expect(api.calls[0]?.headers.get("x-api-key")).toBe("deno_key_123");
  });
});

describe("in a browser", () => {
  const pretendBrowser = () => {
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0" });
  };

  it("refuses to start, since every visitor could read the key", () => {
    pretendBrowser();
    expect(() => new Kapso({ apiKey: API_KEY })).toThrow(/dangerouslyAllowBrowser/);
  });

  it("starts with dangerouslyAllowBrowser", async () => {
    pretendBrowser();
    const api = fakeApi();
    await new Kapso({ apiKey: API_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true }).templates.get(
      TEMPLATE_ID,
    );
    expect(api.calls).toHaveLength(1);
  });
});

describe("fetch", () => {
  it("uses the global fetch, looked up at call time, when none is given", async () => {
    const api = fakeApi();
    const kapso = new Kapso({ apiKey: API_KEY, logLevel: "off" });
    vi.stubGlobal("fetch", api.fetch);
    await kapso.templates.get(TEMPLATE_ID);
    expect(api.calls).toHaveLength(1);
  });
});
