// What a coordinator run knows of its recipients: those in Redis without an outcome yet
// (bounded by the window), the results ready to hand to the caller, and the counts. Results
// come only from records and claim verdicts, never from BullMQ's job states.
import type { ClaimVerdict, StoredRecord } from "../records/records.js";
import type { CampaignRecipient, CampaignResult } from "./types.js";

export interface Pending<R> {
  index: number;
  recipient: R;
  /** When it was enqueued, or last checked on. */
  since: number;
}

export class CampaignLedger<R extends CampaignRecipient> {
  readonly outstanding = new Map<string, Pending<R>>();
  /** Results not yet handed to the caller. */
  readonly ready: CampaignResult<R>[] = [];
  readonly counts = { sent: 0, failed: 0, unknown: 0, skipped: 0, duplicate: 0 };
  /** Recipients whose outcome a worker wrote in this run: the base of the rate. */
  answered = 0;

  get reported(): number {
    const { sent, failed, unknown, skipped, duplicate } = this.counts;
    return sent + failed + unknown + skipped + duplicate;
  }

  /** Notes a claimed recipient; returns whether it needs a job. */
  claimed(key: string, index: number, recipient: R, verdict: ClaimVerdict): boolean {
    const base = { recipient, index, key };
    switch (verdict.kind) {
      case "enqueue":
      case "wait":
        this.outstanding.set(key, { index, recipient, since: Date.now() });
        return verdict.kind === "enqueue";
      case "sent":
        this.#add({ ...base, status: "skipped", messageId: verdict.record.m });
        return false;
      case "unknown":
        this.#add({
          ...base,
          status: "unknown",
          detail: verdict.record.d ?? "an earlier run could not tell whether it was sent",
        });
        return false;
      case "duplicate":
        this.#add({ ...base, status: "duplicate", duplicateOf: verdict.of });
        return false;
    }
  }

  /** Turns the record of an outstanding recipient into its result, once it has an outcome. */
  settle(key: string, record: StoredRecord | undefined): void {
    const entry = this.outstanding.get(key);
    if (!entry || !record || (record.s !== "sent" && record.s !== "failed" && record.s !== "unknown")) {
      return;
    }
    this.outstanding.delete(key);
    this.answered++;
    const base = { recipient: entry.recipient, index: entry.index, key };
    if (record.s === "sent") {
      this.#add({ ...base, status: "sent", messageId: record.m, requestId: record.q });
    } else if (record.s === "failed") {
      this.#add({ ...base, status: "failed", detail: record.d ?? "failed", requestId: record.q });
    } else {
      this.#add({ ...base, status: "unknown", detail: record.d ?? "the outcome is unknown" });
    }
  }

  /** Reports every outstanding recipient unknown, with this detail (Redis lost the campaign). */
  abandonAll(detail: string): void {
    for (const [key, entry] of this.outstanding) {
      this.#add({ recipient: entry.recipient, index: entry.index, key, status: "unknown", detail });
    }
    this.outstanding.clear();
  }

  /** Reports a recipient that was never enqueued. */
  unsent(key: string, index: number, recipient: R, detail: string): void {
    this.#add({ recipient, index, key, status: "unknown", detail });
  }

  #add(result: CampaignResult<R>): void {
    this.counts[result.status]++;
    this.ready.push(result);
  }
}
