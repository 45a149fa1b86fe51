import { describe, expect, it } from 'vitest';
import type { DeliveryGroup, DeploymentRecord } from '../api/types';
import { roleFromClaims } from '../auth/roles';
import { applyClientFilters, filtersFrom } from './historyFilters';
import { pollDelay, timelineStale } from './live';
import { groupOfService, ownsGroup } from './ownership';
import { rollbackTarget, rolledBackBy } from './rollback';
import { cellFor, environmentColumns, historyOrder } from './serviceMatrix';
import { humanDuration, relativeTime } from './format';

function record(id: string, createdAt: string, state: DeploymentRecord['state'], extra: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return {
    id, service: 'billing', environment: 'sandbox', version: `1.0.${id}`, sourceEnvironment: null, recipeId: 'default',
    recipeRevision: 1, effectiveBehaviorSummary: null, state, deploymentKind: 'ROLL_FORWARD', outcome: null,
    changeSummary: '', createdAt, updatedAt: createdAt, rollbackOf: null, deliveryGroupId: 'default',
    engine_type: 'SPINNAKER', failures: [], ...extra,
  };
}

describe('role from the roles claim (ui.md §1)', () => {
  const claim = 'https://dxcp.example/claims/roles';
  it('takes the first recognized value', () => {
    expect(roleFromClaims({ [claim]: ['other', 'dxcp-observers', 'dxcp-platform-admins'] }, claim)).toBe('OBSERVER');
    expect(roleFromClaims({ [claim]: ['dxcp-ci-publisher'] }, claim)).toBe('CI_PUBLISHER');
  });
  it('has no role when the claim is missing, not an array, or unrecognized', () => {
    expect(roleFromClaims({}, claim)).toBeNull();
    expect(roleFromClaims({ [claim]: 'dxcp-observers' }, claim)).toBeNull();
    expect(roleFromClaims({ [claim]: ['admins'] }, claim)).toBeNull();
  });
});

describe('ownership (ui.md §1)', () => {
  const group = { id: 'g', name: 'Payments', owner: 'Ann@Example.com, bob@example.com', services: ['billing'] } as DeliveryGroup;
  it('matches the email case-insensitively against the trimmed owner list', () => {
    expect(ownsGroup('ann@example.com', group)).toBe(true);
    expect(ownsGroup(' BOB@example.com ', group)).toBe(true);
    expect(ownsGroup('carol@example.com', group)).toBe(false);
    expect(ownsGroup(null, group)).toBe(false);
  });
  it('finds the first group whose services contain the service', () => {
    expect(groupOfService([group], 'billing')?.id).toBe('g');
    expect(groupOfService([group], 'search')).toBeUndefined();
  });
});

describe('what runs where (ui.md §5.1)', () => {
  const records = historyOrder([
    record('1', '2026-03-01T10:00:00.000001Z', 'SUCCEEDED'),
    record('2', '2026-03-01T11:00:00.000001Z', 'SUCCEEDED'),
    record('3', '2026-03-01T12:00:00.000001Z', 'FAILED'),
  ]);
  it('shows the newest SUCCEEDED version and flags a failed latest record', () => {
    const cell = cellFor(records, 'billing', 'sandbox');
    expect(cell.running?.version).toBe('1.0.2');
    expect(cell.flag).toBe('failed');
    expect(cell.flagged?.version).toBe('1.0.3');
  });
  it('flags an in-flight latest record', () => {
    const live = historyOrder([...records, record('4', '2026-03-01T13:00:00Z', 'IN_PROGRESS')]);
    expect(cellFor(live, 'billing', 'sandbox').flag).toBe('in-flight');
  });
  it('orders columns by promotion order and adds environments only seen in records', () => {
    const envs = [
      { name: 'prod', promotion_order: 3, lifecycle_state: 'active' },
      { name: 'sandbox', promotion_order: 1, lifecycle_state: 'active' },
    ] as never;
    expect(environmentColumns(envs, [record('9', 'x', 'SUCCEEDED', { environment: 'qa' })])).toEqual(['sandbox', 'prod', 'qa']);
    expect(environmentColumns([], [])).toEqual(['sandbox']);
  });
});

describe('rollback target (governance §11)', () => {
  const older = record('1', '2026-03-01T10:00:00.000001Z', 'SUCCEEDED');
  const failed = record('2', '2026-03-01T11:00:00.000001Z', 'FAILED');
  const current = record('3', '2026-03-01T12:00:00.000001Z', 'SUCCEEDED');
  it('is the newest earlier success of the same scope', () => {
    expect(rollbackTarget(current, [older, failed, current])?.id).toBe('1');
    expect(rollbackTarget(older, [older, failed, current])).toBeUndefined();
  });
  it('finds the rollbacks that name a record', () => {
    const rollback = record('4', '2026-03-01T13:00:00Z', 'SUCCEEDED', { rollbackOf: '3', deploymentKind: 'ROLLBACK' });
    expect(rolledBackBy(current, [older, current, rollback]).map((r) => r.id)).toEqual(['4']);
  });
});

describe('history filters (ui.md §5.4)', () => {
  const records = [
    record('1', '2026-03-01T10:00:00Z', 'FAILED', { failures: [{ category: 'infra', summary: '', detail: null, actionHint: '', observedAt: '' }] }),
    record('2', '2026-03-02T10:00:00Z', 'SUCCEEDED', { deploymentKind: 'ROLLBACK', rollbackOf: '1' }),
  ];
  it('reads filters from the URL and applies kind, category and the day range', () => {
    expect(applyClientFilters(records, filtersFrom(new URLSearchParams('kind=ROLLBACK'))).map((r) => r.id)).toEqual(['2']);
    expect(applyClientFilters(records, filtersFrom(new URLSearchParams('category=INFRASTRUCTURE'))).map((r) => r.id)).toEqual(['1']);
    expect(applyClientFilters(records, filtersFrom(new URLSearchParams('from=2026-03-02&to=2026-03-02'))).map((r) => r.id)).toEqual(['2']);
  });
});

describe('live progress schedule (ui.md §4.6)', () => {
  it('polls every 3 s for two minutes, then every 10 s', () => {
    expect(pollDelay(0)).toBe(3000);
    expect(pollDelay(119_999)).toBe(3000);
    expect(pollDelay(120_000)).toBe(10000);
  });
  it('re-fetches the timeline only when state or updatedAt changed', () => {
    const seen = { state: 'IN_PROGRESS', updatedAt: 'a' };
    expect(timelineStale(seen, { state: 'IN_PROGRESS', updatedAt: 'a' })).toBe(false);
    expect(timelineStale(seen, { state: 'IN_PROGRESS', updatedAt: 'b' })).toBe(true);
    expect(timelineStale(undefined, seen)).toBe(true);
  });
});

describe('formatting', () => {
  it('humanizes durations and reads null as no samples', () => {
    expect(humanDuration(null)).toBe('no samples');
    expect(humanDuration(42)).toBe('42 s');
    expect(humanDuration(185)).toBe('3 min 5 s');
    expect(humanDuration(7800)).toBe('2 h 10 min');
  });
  it('says how long ago', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(relativeTime('2026-03-01T11:56:00Z', now)).toBe('4 min ago');
  });
});
