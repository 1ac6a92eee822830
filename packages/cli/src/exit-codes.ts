// The exit codes scripts can rely on. Documented in the package README and in `--help`.
export const EXIT = {
  /** Everything was sent (or had been sent by an earlier run). */
  ok: 0,
  /** The API refused a send, or at least one recipient of a bulk send failed. */
  failed: 1,
  /** The command line, the API key, a file or an argument is wrong; nothing was sent. */
  usage: 2,
  /** At least one send's outcome is unknown: check before sending it again. */
  unknown: 3,
  /** A fault in kapsokit itself. */
  internal: 70,
  /**
   * The results file could not be written to the end (a full disk, say): the summary and the
   * journal still tell what was sent (sysexits' EX_IOERR).
   */
  resultsIncomplete: 74,
  /** Stopped with Ctrl-C. */
  interrupted: 130,
} as const;
