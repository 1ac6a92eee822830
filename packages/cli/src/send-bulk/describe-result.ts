// One result of the bulk engine as a row of the results file: its status, a detail people
// can act on, and the ids to keep.
import type { SendManyResult } from "@kapsokit/client";
import type { ResultRow } from "../output/results-file.js";

/** The request id an error carries, when the server gave one. */
function requestIdOf(error: unknown): string {
  const id = (error as { requestId?: unknown } | undefined)?.requestId;
  return typeof id === "string" ? id : "";
}

/** The results-file columns of one result; `lineOf` turns an engine index into a CSV line. */
export function describeResult(
  result: SendManyResult,
  lineOf: (index: number) => number,
): Omit<ResultRow, "line" | "phone"> {
  const none = { requestId: "", messageId: "" };
  switch (result.status) {
    case "sent":
      return {
        status: "sent",
        detail: "",
        requestId: result.requestId ?? "",
        messageId: result.data.response.messages[0].id,
      };
    case "failed":
      return {
        status: "failed",
        detail: result.error.message,
        requestId: requestIdOf(result.error),
        messageId: "",
      };
    case "skipped":
      return { status: "skipped", detail: "sent by an earlier run", ...none };
    case "duplicate":
      return {
        status: "duplicate",
        detail: `identical to line ${lineOf(result.duplicateOf)}, whose result stands for both`,
        ...none,
      };
    case "unknown":
      return {
        status: "unknown",
        detail:
          result.reason === "in-flight-at-crash"
            ? "in flight when an earlier run stopped; check before sending again (--retry-unknown)"
            : `outcome unknown: ${result.error?.message ?? "an earlier run could not tell"}`,
        requestId: requestIdOf(result.error),
        messageId: "",
      };
  }
}
