// Options, environment variables and the browser guard.
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, DEFAULT_BASE_URL, Kapso, KapsoError } from "../../src/index.js";
import { API_KEY, expectRequestsKeptToTheSpec, kapsoOnMock } from "../support/mock-client.js";

afterEach(expectRequestsKeptToTheSpec);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const template = fixtures.appointmentReminder;

describe("the API key", () => {
  it("is read from KAPSO_API_KEY when not given: the mock, accepting that key alone, answers", async () => {
    vi.stubEnv("KAPSO_API_KEY", "from_env_key_123");
    const mock = createKapsoMock({ apiKeys: ["from_env_key_123"] });
    const kapso = new Kapso({ fetch: mock.fetch, baseUrl: mock.baseUrl });
    expect((await kapso.templates.get(template.id)).data).toEqual(template);
  });

  it("given as an option wins over the environment: a mock accepting only the option's key answers", async () => {
    vi.stubEnv("KAPSO_API_KEY", "from_env_key_123");
    const { kapso } = kapsoOnMock({ apiKey: API_KEY });
    expect((await kapso.templates.get(template.id)).data).toEqual(template);
    const { kapso: fromEnv } = kapsoOnMock({ apiKey: undefined });
    await expect(fromEnv.templates.get(template.id)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("missing everywhere is a KapsoError naming KAPSO_API_KEY", () => {
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

  it("is read from KAPSO_BASE_URL, its trailing slash dropped, and the option wins", async () => {
    vi.stubEnv("KAPSO_BASE_URL", "http://127.0.0.1:4010/");
    const local = createKapsoMock({ baseUrl: "http://127.0.0.1:4010" });
    await new Kapso({ apiKey: API_KEY, fetch: local.fetch }).templates.get(template.id);
    expect(local.calls.map((c) => c.url)).toEqual([
      `http://127.0.0.1:4010/whatsapp_templates/${template.id}`,
    ]);

    const eu = createKapsoMock({ baseUrl: "https://eu.example.test/v1" });
    const kapso = new Kapso({ apiKey: API_KEY, fetch: eu.fetch, baseUrl: "https://eu.example.test/v1" });
    expect(kapso.baseUrl).toBe("https://eu.example.test/v1");
    await kapso.templates.get(template.id);
    expect(eu.calls.map((c) => c.url)).toEqual([
      `https://eu.example.test/v1/whatsapp_templates/${template.id}`,
    ]);
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
  it("reads a template where there is no process at all, as in browsers and workerd", async () => {
    const { mock } = kapsoOnMock();
    vi.stubGlobal("process", undefined);
    const kapso = new Kapso({ apiKey: API_KEY, fetch: mock.fetch, logLevel: "off" });
    expect((await kapso.templates.get(template.id)).data).toEqual(template);
    expect(mock.calls).toHaveLength(1);
  });

  it("makes a client where reading the environment throws, as in Deno without --allow-env", () => {
    vi.stubGlobal("process", {
      get env(): never {
        throw new Error("Requires env access");
      },
    });
    expect(() => new Kapso({ apiKey: API_KEY, logLevel: "off" })).not.toThrow();
  });

  it("reads KAPSO_API_KEY from Deno.env when there is no process: a mock accepting that key answers", async () => {
    const mock = createKapsoMock({ apiKeys: ["deno_key_123"] });
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("Deno", {
      env: { get: (name: string) => (name === "KAPSO_API_KEY" ? "deno_key_123" : undefined) },
    });
    const kapso = new Kapso({ fetch: mock.fetch, logLevel: "off" });
    expect((await kapso.templates.get(template.id)).data).toEqual(template);
  });
});

describe("in a browser", () => {
  const pretendBrowser = () => {
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0" });
  };

  it("refuses to start, naming dangerouslyAllowBrowser, since every visitor could read the key", () => {
    pretendBrowser();
    expect(() => new Kapso({ apiKey: API_KEY })).toThrow(/dangerouslyAllowBrowser/);
  });

  it("starts and reads a template with dangerouslyAllowBrowser", async () => {
    pretendBrowser();
    const { kapso, mock } = kapsoOnMock({ dangerouslyAllowBrowser: true });
    expect((await kapso.templates.get(template.id)).data).toEqual(template);
    expect(mock.calls).toHaveLength(1);
  });
});

describe("fetch", () => {
  it("uses the global fetch, looked up at call time, when none is given", async () => {
    const mock = createKapsoMock({ apiKeys: [API_KEY] });
    const kapso = new Kapso({ apiKey: API_KEY, baseUrl: mock.baseUrl, logLevel: "off" });
    vi.stubGlobal("fetch", mock.fetch);
    expect((await kapso.templates.get(template.id)).data).toEqual(template);
    expect(mock.calls).toHaveLength(1);
  });
});
