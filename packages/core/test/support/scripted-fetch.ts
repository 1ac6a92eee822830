// A fetch that answers each attempt from a script, records every request it was given, and
// (for "hang") waits until the request's signal aborts, as a real fetch does.

export type Step = Response | Error | "hang" | (() => Response);

export function scriptedFetch(...steps: Step[]) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    bodies.push(await request.clone().text());
    const step = steps[Math.min(requests.length - 1, steps.length - 1)];
    if (step === undefined) {
      throw new Error("script is empty");
    }
    if (step === "hang") {
      return new Promise((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      });
    }
    if (step instanceof Error) {
      throw step;
    }
    return typeof step === "function" ? step() : step.clone();
  };
  return { fetch, requests, bodies };
}

/** A JSON response. */
export const json = (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/** undici's error when nothing listens on the port: the request was never written. */
export const refused = () =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
  });

/** undici's error when the server closed the socket after the request was written. */
export const reset = () =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
  });

export const URL_ = "https://api.test/whatsapp_templates";
export const get = (init: RequestInit = {}) => new Request(URL_, init);
export const post = (init: RequestInit = {}) =>
  new Request(`${URL_}/x/send_template`, { method: "POST", body: '{"template":{}}', ...init });
