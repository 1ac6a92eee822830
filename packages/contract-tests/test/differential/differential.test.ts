// The in-process mock against Prism on the same spec: every request of corpus.json goes to
// both, and they must give the same status (so the same accept or reject). The mock's store
// holds the corpus's template ids and its template checks are off, so only the spec decides.
// Regenerate the corpus with `node test/differential/make-corpus.mjs`.
import { readFileSync } from "node:fs";
import { createKapsoMock, defineTemplate } from "@kapsokit/testing";
import { describe, expect, inject, it } from "vitest";

interface CorpusCase {
  name: string;
  valid: boolean;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
}

const corpus = JSON.parse(readFileSync(new URL("./corpus.json", import.meta.url), "utf8")) as {
  templateIds: string[];
  cases: CorpusCase[];
};

const mock = createKapsoMock({
  templates: corpus.templateIds.map((id, i) =>
    defineTemplate({ id, name: `template_${i}`, content: "Hi {{1}}" }),
  ),
  templateChecks: false,
});

function init(request: CorpusCase): RequestInit {
  return { method: request.method, headers: request.headers, body: request.body };
}

describe("the mock and Prism agree on every request of the corpus", () => {
  it("has a corpus of at least 200 requests, valid and invalid for every operation", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(200);
    for (const prefix of ["send:", "get:", "list:"]) {
      const own = corpus.cases.filter((c) => c.name.startsWith(prefix));
      expect(own.some((c) => c.valid)).toBe(true);
      expect(own.some((c) => !c.valid)).toBe(true);
    }
  });

  for (const request of corpus.cases) {
    it(`${request.valid ? "accepts" : "rejects"} ${request.name}`, async () => {
      const target = `${request.path}${request.query}`;
      const prism = await fetch(`${inject("prismUrl")}${target}`, init(request));
      const fromMock = await mock.fetch(`${mock.baseUrl}${target}`, init(request));
      const detail = `${request.method} ${target}: Prism ${prism.status} ${prism.headers.get("sl-violations") ?? ""}, mock ${fromMock.status} ${await fromMock.text()}`;
      expect(fromMock.status, detail).toBe(prism.status);
      expect(prism.status < 300, detail).toBe(request.valid);
    });
  }
});
