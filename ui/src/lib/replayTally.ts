/**
 * Counts an NDJSON replay stream as it arrives (README "Replaying audit history"): event lines, the
 * last `position` seen, and the trailer `{"next_after","limit_reached"}` that ends a complete stream.
 * A stream that ends without the trailer was cut short; it resumes after the last position.
 */
export class ReplayTally {
  lines = 0;
  lastPosition: number | null = null;
  trailer: { next_after: number; limit_reached: boolean } | null = null;
  private pending = '';
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      this.line(this.pending.slice(0, newline));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
  }

  /** The end of the bytes: a last line without a newline still counts. */
  end(): void {
    this.pending += this.decoder.decode();
    if (this.pending.trim()) {
      this.line(this.pending);
    }
    this.pending = '';
  }

  /** Where a new export continues: the trailer's cursor, else after the last event received, else the start. */
  resumeAfter(): number | null {
    return this.trailer ? this.trailer.next_after : this.lastPosition;
  }

  private line(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) {
      return;
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      return; // a line cut in the middle: not counted, the resume point stays before it
    }
    if ('next_after' in parsed && 'limit_reached' in parsed && !('position' in parsed)) {
      this.trailer = { next_after: Number(parsed.next_after), limit_reached: parsed.limit_reached === true };
      return;
    }
    this.trailer = null;
    this.lines += 1;
    if (typeof parsed.position === 'number') {
      this.lastPosition = parsed.position;
    }
  }
}
