// A coordinator in its own process, so a test can SIGKILL it: runs (or resumes) a campaign
// of generated recipients and sends each result, and the report, to the parent over IPC.
import { runCampaign } from "../../dist/index.js";

const o = JSON.parse(process.argv[2]);
const recipients = Array.from({ length: o.count }, (_, i) => ({
  to: `+${o.prefix}${String(i).padStart(7, "0")}`,
  parameters: [`person ${i}`, `code ${i}`],
}));
const run = runCampaign({
  redis: o.redis,
  apiKey: o.apiKey,
  campaignId: o.campaignId,
  templateId: o.templateId,
  recipients,
  resume: o.resume,
  rate: o.rate,
  window: o.window,
  lockTtlMs: o.lockTtlMs ?? 1_500,
  sweepIntervalMs: 500,
});
try {
  for await (const result of run) {
    process.send?.({ type: "result", to: result.recipient.to, status: result.status });
  }
  process.send?.({ type: "report", report: await run.report });
} catch (error) {
  process.send?.({ type: "error", name: error.name, message: error.message });
}
process.disconnect?.();
