/** One problem in a delivered file, as shown to the person who sent it. */
export interface RowError {
  /** line in the file; 1 is the CSV header */
  line: number;
  /** the column (feed name), or null for a problem with the whole row or file */
  column: string | null;
  value: string | null;
  message: string;
}

export const MAX_REPORTED_ERRORS = 100;

/** A value or message longer than this is cut in a report: a 10 MB cell must not come back whole. */
const MAX_SHOWN_VALUE = 100;
const MAX_SHOWN_MESSAGE = 500;

export function shortened(text: string, limit = MAX_SHOWN_VALUE): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

const shown = (error: RowError): RowError =>
  (error.value?.length ?? 0) > MAX_SHOWN_VALUE || error.message.length > MAX_SHOWN_MESSAGE
    ? {
        ...error,
        value: error.value === null ? null : shortened(error.value),
        message: shortened(error.message, MAX_SHOWN_MESSAGE),
      }
    : error;

/** Keeps the first errors by line and counts them all, so a file with a million bad rows stays cheap. */
export class ErrorList {
  private readonly kept: RowError[] = [];
  total = 0;

  add(error: RowError): void {
    this.total++;
    this.kept.push(shown(error));
    if (this.kept.length > MAX_REPORTED_ERRORS * 2) this.trim();
  }

  addCounted(errors: readonly RowError[], total: number): void {
    for (const error of errors) this.kept.push(shown(error));
    this.total += total;
    this.trim();
  }

  first(): RowError[] {
    this.trim();
    return [...this.kept];
  }

  private trim(): void {
    this.kept.sort((a, b) => a.line - b.line);
    this.kept.length = Math.min(this.kept.length, MAX_REPORTED_ERRORS);
  }
}

/** A file the product refuses as a whole; nothing of it is stored. */
export class FileRejectedError extends Error {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
    readonly batchId: number | null,
  ) {
    super(`Filen blev afvist: ${errorCount} fejl`);
  }
}

/**
 * The longest line (CSV record, or JSON object) a file may have, in characters: far above any
 * real row, low enough that one line cannot take the server's memory or time (docs/feeds.md).
 */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * A file that cannot be read on from this line. Readers throw SyntaxErrors whose message starts
 * with 'line N: ': copy-records.ts reports them as a located error, the rows before still checked.
 */
export const readError = (line: number, problem: string) => new SyntaxError(`line ${line}: ${problem}`);

export const lineTooLong = (line: number) =>
  readError(line, 'linjen er længere end 1.048.576 tegn (1 MB), den største længde en række må have');
