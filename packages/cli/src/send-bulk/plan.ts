// The plan of a bulk send: everything that applies to every row is checked before the first
// send, and every problem is reported at once (exit 2, nothing sent): the flags, the CSV (its
// header, its columns against the template, its quoting), the template (one read), the
// journal (taken, so no other run holds it) and the results file (opened and written).
import { createReadStream, existsSync, statSync, unlinkSync } from "node:fs";
import {
  APIConnectionError,
  APIError,
  type Kapso,
  ValidationError,
  type WhatsappTemplate,
} from "@kapsokit/client";
import { rateToIntervalMs } from "@kapsokit/client/internal";
import { type FileJournal, openFileJournal } from "@kapsokit/client/journal";
import { createKapso } from "../client.js";
import { type CsvRecord, MalformedCsvError, readCsv } from "../csv/read-csv.js";
import { type CsvLayout, headerColumnKinds, readLayout } from "../csv/recipients.js";
import { fileProblem, UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { PreviewCollector } from "../output/preview.js";
import { openResultsFile, type ResultsFile } from "../output/results-file.js";
import { fitProblems, type HeaderKind } from "../template/fit.js";
import { shapeOf, type TemplateShape } from "../template/shape.js";
import type { BulkOptions } from "./options.js";

/** A bulk send ready to run: every check passed, the journal held, the results file open. */
export interface BulkPlan {
  options: BulkOptions;
  kapso: Kapso;
  templateId: string;
  csvPath: string;
  layout: CsvLayout;
  /** Data rows in the CSV (blank lines aside), for the progress bar and the summary. */
  rows: number;
  journal: FileJournal | undefined;
  results: ResultsFile;
  /** The template, as read once before the run. */
  template: WhatsappTemplate;
  /** On a dry run, the first messages it stopped, to show as the customers would see them. */
  previews: PreviewCollector | undefined;
}

/** The records of the CSV file, streamed from its bytes. */
export function csvRecords(path: string): AsyncGenerator<CsvRecord> {
  return readCsv(createReadStream(path));
}

/**
 * Reads the header and counts the rows, so the progress bar knows the total; a file that
 * stops being CSV somewhere is refused here, before anything is sent.
 */
async function scanCsv(given: string, path: string): Promise<{ layout: CsvLayout; rows: number } | string[]> {
  try {
    if (statSync(path).isDirectory()) {
      return [`cannot read the CSV file ${given}: is a directory`];
    }
    let layout: CsvLayout | undefined;
    let rows = 0;
    for await (const record of csvRecords(path)) {
      if (layout) {
        rows++;
      } else {
        layout = readLayout(record);
      }
    }
    return { layout: layout ?? readLayout(undefined), rows };
  } catch (error) {
    if (error instanceof MalformedCsvError) {
      return [`the CSV file ${given} is malformed at ${error.message}; nothing past it can be read safely`];
    }
    if (error instanceof UsageError) {
      return error.problems;
    }
    if (typeof (error as { code?: unknown }).code === "string") {
      return [`cannot read the CSV file ${given}: ${fileProblem(error)}`];
    }
    throw error;
  }
}

/** The rate, read by the bulk engine's own parser. */
function rateProblem(rate: string | undefined): string[] {
  if (rate === undefined) {
    return [];
  }
  try {
    rateToIntervalMs(rate);
    return [];
  } catch (error) {
    if (error instanceof RangeError) {
      return [`--rate ${rate}: ${error.message}`];
    }
    throw error;
  }
}

/** The template, or the problem reading it. API failures are kept to be thrown as they are. */
async function readTemplate(
  kapso: Kapso,
  templateId: string,
  io: Io,
): Promise<
  { shape: TemplateShape; template: WhatsappTemplate } | { problem: string } | { failure: unknown }
> {
  try {
    const { data } = await kapso.templates.get(templateId, { signal: io.abort });
    return { shape: shapeOf(data), template: data };
  } catch (error) {
    if (error instanceof ValidationError) {
      return { problem: `<template-id> ${error.issues.map((i) => i.message).join("; ")}` };
    }
    if (error instanceof APIError || error instanceof APIConnectionError) {
      return { failure: error };
    }
    throw error;
  }
}

/**
 * The journal, held for this run, or the problem opening it. A journal file this run made
 * is removed again when the run does not go ahead (while still held, so no other run's is).
 */
async function openJournal(
  options: BulkOptions,
  path: string,
): Promise<{ journal: Held } | { problem: string }> {
  const existed = existsSync(path);
  let journal: FileJournal;
  try {
    journal = await openFileJournal(path, { fsync: options.fsync });
  } catch (error) {
    // Another live process holds it; the message names the process and the lock file.
    if ((error as { name?: unknown }).name === "JournalLockedError") {
      return { problem: (error as Error).message };
    }
    return { problem: `cannot open the journal ${path}: ${fileProblem(error, true)}` };
  }
  const held: Held = {
    journal,
    async release() {
      if (!existed) {
        unlinkSync(path);
      }
      await journal.close();
    },
  };
  const started = journal.size > 0;
  if (started && !options.resume) {
    await held.release();
    return {
      problem: `the journal ${path} holds an earlier run: pass --resume to continue it (sent rows are skipped), or delete it to start over`,
    };
  }
  if (!started && options.resume) {
    await held.release();
    return { problem: `--resume: there is no journal at ${path}` };
  }
  return { journal: held };
}

/** A journal this plan holds, and how to let it go when the run does not go ahead. */
interface Held {
  journal: FileJournal;
  release(): Promise<void>;
}

/** How the CSV's columns and the header flag fit the template (also checked with --queue). */
export function columnProblems(
  shape: TemplateShape,
  layout: CsvLayout,
  headerFlag: HeaderKind | undefined,
): string[] {
  const { parameters } = layout;
  return fitProblems(shape, {
    from: "csv",
    parameters:
      parameters.length === 0
        ? undefined
        : layout.positional
          ? { positional: true, count: parameters.length }
          : { positional: false, names: parameters.map((p) => p.name) },
    headerFlag,
    headerColumns: headerColumnKinds(layout),
  }).map((problem) => problem.message);
}

/** Lets go of what a plan that does not run took: the journal, and a results file it made. */
async function abandon(held: Held | undefined, results: ResultsFile | undefined): Promise<void> {
  await held?.release();
  if (results) {
    results.close();
    if (results.created) {
      unlinkSync(results.path);
    }
  }
}

/**
 * Checks everything that applies to every row, holds the journal and opens the results file.
 * Throws a `UsageError` listing every problem found, or the API's error when reading the
 * template failed and nothing else was wrong.
 */
export async function planBulkSend(options: BulkOptions, flagProblems: string[], io: Io): Promise<BulkPlan> {
  const problems = [...flagProblems];
  let kapso: Kapso | undefined;
  const previews = options.dryRun && !options.json ? new PreviewCollector() : undefined;
  try {
    kapso = createKapso(io, {
      baseUrl: options.baseUrl,
      dryRun: options.dryRun,
      onDryRunSend: previews?.collect,
    });
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw error;
    }
    problems.push(...error.problems);
  }
  problems.push(...rateProblem(options.rate));
  const csv = options.csv && (await scanCsv(options.csv.given, options.csv.path));
  if (Array.isArray(csv)) {
    problems.push(...csv);
  }
  const template =
    kapso && options.templateId ? await readTemplate(kapso, options.templateId, io) : undefined;
  if (template && "problem" in template) {
    problems.push(template.problem);
  }
  if (template && "shape" in template && csv && !Array.isArray(csv)) {
    problems.push(...columnProblems(template.shape, csv.layout, options.headerFlag));
  }

  const { journalPath, resultsPath } = options;
  const opened = journalPath ? await openJournal(options, journalPath) : undefined;
  if (opened && "problem" in opened) {
    problems.push(opened.problem);
  }
  const held = opened && "journal" in opened ? opened.journal : undefined;
  let results: ResultsFile | undefined;
  if (resultsPath) {
    try {
      results = openResultsFile(resultsPath, { replace: options.dryRun });
    } catch (error) {
      problems.push(`cannot write the results file ${resultsPath}: ${fileProblem(error, true)}`);
    }
  }

  const failure = template && "failure" in template ? template.failure : undefined;
  if (
    problems.length > 0 ||
    failure !== undefined ||
    !kapso ||
    !csv ||
    Array.isArray(csv) ||
    !results ||
    !template ||
    !("template" in template)
  ) {
    await abandon(held, results);
    if (failure !== undefined && problems.length === 0) {
      throw failure;
    }
    if (failure !== undefined) {
      problems.push(`the template could not be read: ${(failure as Error).message}`);
    }
    throw new UsageError(problems);
  }
  return {
    options,
    kapso,
    templateId: options.templateId!,
    csvPath: options.csv!.path,
    layout: csv.layout,
    rows: csv.rows,
    journal: held?.journal,
    results,
    template: template.template,
    previews,
  };
}
