// What a BullMQ job of a campaign carries: the recipient and where its record is. Never the
// API key: workers hold that themselves.
import type { SendTemplateInput } from "@kapsokit/client";

export interface SendJobData {
  /** The campaign id. */
  c: string;
  /** The recipient's key in the campaign's records. */
  k: string;
  /** The template id. */
  t: string;
  /** The send's input: phone, parameters, header. */
  p: SendTemplateInput;
  /**
   * The rate plan's allowance, in ms, for the time from the job's start to its send; a send
   * that would leave later is put back, so no span of the limit ever holds more than it allows.
   */
  j?: number;
}

/** The name BullMQ shows for these jobs. */
export const JOB_NAME = "send";
