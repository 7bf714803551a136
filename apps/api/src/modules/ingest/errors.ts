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

/** Keeps the first errors by line and counts them all, so a file with a million bad rows stays cheap. */
export class ErrorList {
  private readonly kept: RowError[] = [];
  total = 0;

  add(error: RowError): void {
    this.total++;
    this.kept.push(error);
    if (this.kept.length > MAX_REPORTED_ERRORS * 2) this.trim();
  }

  addCounted(errors: readonly RowError[], total: number): void {
    this.kept.push(...errors);
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
