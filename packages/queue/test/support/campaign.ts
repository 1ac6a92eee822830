// Recipients and a campaign run collected whole, for assertions.
import {
  type CampaignOptions,
  type CampaignProgress,
  type CampaignRecipient,
  type CampaignReport,
  type CampaignResult,
  runCampaign,
} from "../../src/index.js";
import { TEMPLATE_ID } from "./api-server.js";

export function phoneOf(i: number, prefix = "1646"): string {
  return `+${prefix}${String(i).padStart(7, "0")}`;
}

export function recipients(count: number, prefix?: string): CampaignRecipient[] {
  return Array.from({ length: count }, (_, i) => ({
    to: phoneOf(i, prefix),
    parameters: [`person ${i}`, `code ${i}`],
  }));
}

export interface CollectedRun {
  results: CampaignResult[];
  report: CampaignReport;
  progress: CampaignProgress[];
  notices: string[];
}

let counter = 0;
/** A campaign id no other test uses. */
export function campaignId(name: string): string {
  return `${name}-${process.pid}-${++counter}`;
}

export async function collect(
  options: Omit<CampaignOptions, "templateId"> & { templateId?: string },
): Promise<CollectedRun> {
  const progress: CampaignProgress[] = [];
  const notices: string[] = [];
  const run = runCampaign({
    templateId: TEMPLATE_ID,
    sweepIntervalMs: 500,
    lockTtlMs: 3_000,
    onProgress: (p) => progress.push(p),
    onNotice: (message) => notices.push(message),
    ...options,
  });
  const results: CampaignResult[] = [];
  for await (const result of run) {
    results.push(result);
  }
  return { results, report: await run.report, progress, notices };
}

/** Final status per phone; fails the test when a phone has two results. */
export function statusByPhone(results: readonly CampaignResult[]): Map<string, string> {
  const byPhone = new Map<string, string>();
  for (const result of results) {
    if (byPhone.has(result.recipient.to)) {
      throw new Error(`${result.recipient.to} has two results`);
    }
    byPhone.set(result.recipient.to, result.status);
  }
  return byPhone;
}
