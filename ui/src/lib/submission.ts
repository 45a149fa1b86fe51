import { uuid } from './ids';

/**
 * ui.md §4.5: one Idempotency-Key per submission, i.e. per confirmed set of values. Every retry of
 * the same values (a double click, a network retry) reuses the key; any value change gets a new one.
 */
export class SubmissionKey {
  private fingerprint: string | null = null;
  private key: string | null = null;

  constructor(private readonly newKey: () => string = uuid) {}

  for(values: Record<string, unknown>): string {
    const fingerprint = canonical(values);
    if (fingerprint !== this.fingerprint || this.key === null) {
      this.fingerprint = fingerprint;
      this.key = this.newKey();
    }
    return this.key;
  }

  /** After an answer that settles the submission (success or a refusal the user must act on). */
  discard(): void {
    this.fingerprint = null;
    this.key = null;
  }
}

function canonical(values: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(values).sort().map((name) => [name, values[name] ?? null]));
}
