import { describe, expect, it } from 'vitest';
import { SubmissionKey } from './submission';

describe('one Idempotency-Key per submission (ui.md §4.5)', () => {
  let counter = 0;
  const keys = () => new SubmissionKey(() => `key-${++counter}`);

  it('reuses the key for every retry of the same values', () => {
    const submission = keys();
    const values = { service: 'billing', environment: 'sandbox', version: '1.0.0', changeSummary: 'fix' };
    const first = submission.for(values);
    expect(submission.for({ ...values })).toBe(first);
    expect(submission.for({ changeSummary: 'fix', version: '1.0.0', environment: 'sandbox', service: 'billing' })).toBe(first);
  });

  it('discards the key when any value changes', () => {
    const submission = keys();
    const first = submission.for({ service: 'billing', version: '1.0.0' });
    const changed = submission.for({ service: 'billing', version: '1.0.1' });
    expect(changed).not.toBe(first);
    expect(submission.for({ service: 'billing', version: '1.0.0' })).not.toBe(first);
  });

  it('starts a new submission after discard, even for the same values', () => {
    const submission = keys();
    const first = submission.for({ service: 'billing' });
    submission.discard();
    expect(submission.for({ service: 'billing' })).not.toBe(first);
  });
});
