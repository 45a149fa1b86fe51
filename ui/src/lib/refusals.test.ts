import { describe, expect, it } from 'vitest';
import { explainRefusal } from './refusals';

const policy = {
  max_concurrent_deployments: 1, current_concurrent_deployments: 1, daily_deploy_quota: 3,
  deployments_used: 3, deployments_remaining: 0, daily_quota_build_register: 50,
};

describe('refusals explained by guardrail (ui.md §4.3)', () => {
  it('names the used deploy quota of the group and environment with its numbers', () => {
    const explanation = explainRefusal('QUOTA_EXCEEDED', 'Daily deploy quota exceeded',
      { action: 'Deploy', group: 'payments', environment: 'sandbox', policy });
    expect(explanation.why).toBe('Daily deploy quota of group payments in sandbox used: 3 of 3, 0 left');
    expect(explanation.next).toBe('Retry after 00:00 UTC or ask an admin to raise the quota');
  });

  it('names the concurrency limit with the running count and the maximum', () => {
    const explanation = explainRefusal('CONCURRENCY_LIMIT_REACHED', 'x',
      { action: 'Deploy', group: 'payments', environment: 'sandbox', policy });
    expect(explanation.why).toBe('1 of 1 deployments already running in payments/sandbox');
    expect(explanation.next).toBe('Wait for the running one to finish');
  });

  it('explains any engine code as the delivery engine refusing', () => {
    expect(explainRefusal('ENGINE_TIMEOUT', 'x', { action: 'Deploy' }).why)
      .toBe('The delivery engine could not be reached or refused the call');
  });

  it("falls back to the server's message for codes it has no words for", () => {
    const explanation = explainRefusal('SOMETHING_NEW', 'The server explains', { action: 'Deploy' });
    expect(explanation.why).toBe('The server explains');
    expect(explanation.rule).toBe('SOMETHING_NEW');
  });
});
