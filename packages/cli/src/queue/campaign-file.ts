// The campaign file beside the CSV: which campaign in Redis this CSV's run is. It outlives
// Redis, so a campaign that Redis lost is recognised as started (and never enqueued again),
// and `--resume` finds the campaign without being told its id. It never holds a password.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { UsageError } from "../errors.js";

export interface CampaignFile {
  campaignId: string;
  templateId: string;
  /** Redis's address with the password masked. */
  redis: string;
  csv: string;
  createdAt: string;
}

/** Reads a campaign file, undefined when there is none. */
export function readCampaignFile(path: string): CampaignFile | undefined {
  if (!existsSync(path)) {
    return undefined;
  }
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<CampaignFile>;
    if (typeof value.campaignId === "string" && typeof value.templateId === "string") {
      return value as CampaignFile;
    }
  } catch {
    // Reported below with what to do.
  }
  throw new UsageError(
    `the campaign file ${path} is not one kapsokit wrote; move it away or pass --journal <file>`,
  );
}

/** Writes the file whole or not at all (a new file renamed over the old). */
export function writeCampaignFile(path: string, file: CampaignFile): void {
  const partial = `${path}.tmp`;
  try {
    writeFileSync(partial, `${JSON.stringify(file, null, 2)}\n`);
    renameSync(partial, path);
  } catch (error) {
    throw new UsageError(
      `cannot write the campaign file ${path} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}

/** A new campaign id from the CSV's name: `reminders-20260612-4f2a9c`. */
export function newCampaignId(csvPath: string, now = new Date()): string {
  const stem =
    basename(csvPath, extname(csvPath))
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[^A-Za-z0-9]+/, "")
      .slice(0, 60) || "campaign";
  const day = now.toISOString().slice(0, 10).replace(/-/g, "");
  const random = Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, "0");
  return `${stem}-${day}-${random}`;
}
