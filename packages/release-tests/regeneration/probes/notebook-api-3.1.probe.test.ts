// The mock after `pnpm generate` from regeneration/specs/notebook-api-3.1.yaml: an OpenAPI 3.1
// document with a 2020-12 dialect, checked as Prism checks it (ajv's 2020-12 validator).
import { describe, expect, it } from "vitest";
import { createKapsoMock } from "../src/index.js";

const mock = createKapsoMock({ baseUrl: "https://notes.example/api" });

async function post(note: Record<string, unknown>, token = "Bearer t0k3n") {
  const response = await mock.fetch(`${mock.baseUrl}/notes`, {
    method: "POST",
    headers: { Authorization: token, "Content-Type": "application/json" },
    body: JSON.stringify(note),
  });
  return response.status;
}

const note = { kind: "note", title: "Groceries" };

describe("an OpenAPI 3.1 document", () => {
  it("accepts what its schemas allow: null in a type list, a prefixItems tuple, a colour by $ref", async () => {
    expect(await post({ ...note, body: null, due: null, position: [1.5, 2], colour: "blue" })).toBe(201);
    expect(await post({ ...note, due: "2025-07-01", tags: ["home", "to-do"] })).toBe(201);
    expect(
      await post({ ...note, reminder_at: "2025-07-01T09:00:00Z", reminder_email: "a@example.com" }),
    ).toBe(201);
  });

  it.each([
    ["const", { kind: "memo" }],
    ["a type list", { body: 42 }],
    ["a date in a type list with null", { due: "July" }],
    ["prefixItems and items: false", { position: [1, 2, 3] }],
    ["the keywords of a $ref'd enum", { colour: "red" }],
    ["a pattern in items", { tags: ["Home"] }],
    ["dependentRequired", { reminder_at: "2025-07-01T09:00:00Z" }],
    ["an unknown property", { pinned: true }],
  ])("refuses what they forbid: %s", async (_what, fields) => {
    expect(await post({ ...note, ...fields })).toBe(422);
  });

  it("asks for a bearer token, and answers with the example or a body built from the schema", async () => {
    expect(await post(note, "")).toBe(401);
    expect(await post(note, "Basic abc")).toBe(401);
    const response = await mock.fetch(
      `${mock.baseUrl}/notes/3c90c3cc-0d44-4b50-8888-8dd25736052a?fields=title`,
      {
        headers: { Authorization: "Bearer t0k3n" },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", title: "Groceries" });
    const bad = await mock.fetch(`${mock.baseUrl}/notes/3c90c3cc-0d44-4b50-8888-8dd25736052a?fields=colour`, {
      headers: { Authorization: "Bearer t0k3n" },
    });
    expect(bad.status).toBe(422);
  });
});
