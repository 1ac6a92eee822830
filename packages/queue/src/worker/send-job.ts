// One send job, start to end: check the template (before any attempt, so a wrong template
// fails cleanly), record the attempt (only if nothing is recorded yet), send once, and record
// the outcome. A 429 gives the attempt back and puts the job back in the queue without using
// an attempt, after pausing every worker of the key for the server's Retry-After.
import type { Kapso, SendTemplateResponse } from "@kapsokit/client";
import { classifyFailure } from "@kapsokit/core";
import { Worker } from "bullmq";
import type { SendJobData } from "../job.js";
import type { CampaignRecords, Outcome } from "../records/records.js";

/** What a worker reports for each job it ran. */
export interface SendJobEvent {
  type: "job";
  campaignId: string;
  recipientKey: string;
  /**
   * `sent`, `failed`, `unknown`: this worker's attempt and its outcome. `in-doubt`: an earlier
   * attempt left no outcome, so the recipient is now recorded unknown and nothing was sent.
   * `done`: an outcome was already recorded (a redelivered job). `rate-limited`: a 429, the
   * job is back in the queue. `late`: the job started too long ago for the rate limit's
   * bound, so it went back to the queue unsent. `lost`: the campaign is gone from Redis;
   * nothing was sent.
   */
  result: Outcome["s"] | "in-doubt" | "done" | "rate-limited" | "late" | "lost";
  detail?: string | undefined;
}

export interface SendJobDeps {
  kapso: Kapso;
  recordsOf(campaignId: string): CampaignRecords;
  /** This worker's name in attempt records. */
  worker: string;
  /** Aborts the sends in flight when the worker is stopped by force. */
  signal: AbortSignal;
  /** Pauses every worker of the queue for this many ms. */
  pauseQueue(ms: number): Promise<void>;
  observeLimit(headers: Headers | undefined): void;
  emit(event: SendJobEvent): void;
}

// The rate plan's default allowance for a send to leave after its job started (rate-plan.ts),
// and the share of it a worker uses, keeping the rest for the request's own way to the server.
const DEFAULT_JITTER_MS = 250;
const LATE_SHARE = 0.8;
// A 429 without Retry-After: the Kapso API's windows are a minute long.
const DEFAULT_RETRY_AFTER_MS = 60_000;
// Re-read a template this often; the client trusts its copy for 10 minutes (start-worker.ts).
const TEMPLATE_REFRESH_MS = 5 * 60_000;
const DETAIL_LENGTH = 300;

function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text;
}

function messageIdOf(data: SendTemplateResponse): string | undefined {
  const { messages } = (data.response ?? {}) as { messages?: { id?: unknown }[] };
  const id = Array.isArray(messages) ? messages[0]?.id : undefined;
  return typeof id === "string" ? id : undefined;
}

function requestIdOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // The request id sits on the API error, or on the cause of a SendOutcomeUnknownError.
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const id = (current as { requestId?: unknown }).requestId;
    if (typeof id === "string" && id) {
      return id;
    }
    current = current.cause;
  }
  return undefined;
}

function headersOf(error: unknown): Headers | undefined {
  const headers = (error as { headers?: unknown } | undefined)?.headers;
  return headers instanceof Headers ? headers : undefined;
}

/** Builds the processor of send jobs; `token` is unique to each run of a job. */
export function createSendJob(
  deps: SendJobDeps,
): (data: SendJobData, token: string, startedAt: number) => Promise<string> {
  const templates = new Map<string, { expires: number; ready: Promise<void> }>();

  /** Reads the template once per refresh; the client keeps it for the sends' checks. */
  const prepare = (templateId: string): Promise<void> => {
    const cached = templates.get(templateId);
    if (cached && cached.expires > Date.now()) {
      return cached.ready;
    }
    const ready = deps.kapso.templates.get(templateId, { signal: deps.signal }).then(() => undefined);
    templates.set(templateId, { expires: Date.now() + TEMPLATE_REFRESH_MS, ready });
    ready.catch(() => templates.delete(templateId));
    return ready;
  };

  const report = (data: SendJobData, result: SendJobEvent["result"], detail?: string) => {
    deps.emit({ type: "job", campaignId: data.c, recipientKey: data.k, result, detail });
    return result;
  };

  return async (data, token, startedAt) => {
    const records = deps.recordsOf(data.c);
    try {
      await prepare(data.t);
    } catch (error) {
      const verdict = classifyFailure(error);
      if (verdict.kind === "rate-limited") {
        deps.observeLimit(headersOf(error));
        await deps.pauseQueue(verdict.retryAfter ?? DEFAULT_RETRY_AFTER_MS);
        report(data, "rate-limited");
        throw Worker.RateLimitError();
      }
      // Nothing was sent: the recipient fails with the template's error (safe to send again).
      const detail = `could not read the template: ${detailOf(error)}`;
      const written = await records.finish(data.k, "", { s: "failed", d: detail });
      return report(data, written === "lost" ? "lost" : written === "ok" ? "failed" : "done", detail);
    }

    const begun = await records.begin(data.k, token, deps.worker);
    if (begun !== "go") {
      return report(data, begun);
    }
    // The rate plan counts job starts, allowing a send to leave up to `j` ms after its start.
    // A worker held up longer (a busy machine) puts the job back for a later window instead.
    if (Date.now() - startedAt > (data.j ?? DEFAULT_JITTER_MS) * LATE_SHARE) {
      await records.release(data.k, token, "late");
      report(data, "late");
      throw Worker.RateLimitError();
    }

    let outcome: Outcome;
    try {
      const {
        data: answer,
        response,
        requestId,
      } = await deps.kapso.templates
        .send(data.t, data.p, { maxRetries: 0, signal: deps.signal, validateAgainstTemplate: true })
        .withResponse();
      deps.observeLimit(response.headers);
      outcome = { s: "sent", m: messageIdOf(answer), q: requestId };
    } catch (error) {
      const verdict = classifyFailure(error);
      if (verdict.kind === "rate-limited") {
        deps.observeLimit(headersOf(error));
        // The server did not act: give the attempt back, pause every worker, queue it again.
        await records.release(data.k, token, "rateLimited");
        await deps.pauseQueue(verdict.retryAfter ?? DEFAULT_RETRY_AFTER_MS);
        report(data, "rate-limited");
        throw Worker.RateLimitError();
      }
      outcome = { s: verdict.kind, d: detailOf(error), q: requestIdOf(error) };
    }
    const written = await records.finish(data.k, token, outcome);
    if (written === "ok") {
      return report(data, outcome.s, outcome.d);
    }
    return report(
      data,
      written === "lost" ? "lost" : "done",
      `outcome ${outcome.s} arrived after the record moved on`,
    );
  };
}
