import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { AuditEntry, EngineConfig } from '../api/adminTypes';
import { changes } from './adminChanges';
import { GROUP_FIELDS, previewFields, rateLimitProblem, refusalFields } from './adminFields';
import { keepMoment, knownAt, momentKey } from './asOf';
import { appendOlder, configChange, secondOf, targetLink } from './audit';
import { matchesEveryToken, publisherChanges } from './ciPublishers';
import { checkAsPreview, engineProposal } from './engineAdapter';
import { secondsLeft } from './rebuilds';
import { ReplayTally } from './replayTally';

const bytes = (text: string) => new TextEncoder().encode(text);

function entry(extra: Partial<AuditEntry>): AuditEntry {
  return {
    event_id: 'e1', event_type: 'DEPLOY_SUBMIT', actor_id: 'ann', actor_role: 'PLATFORM_ADMIN', target_type: 'Deployment',
    target_id: 'd1', timestamp: '2026-03-01T10:15:30.123456Z', outcome: 'SUCCESS', summary: '', delivery_group_id: null,
    service_name: null, environment: null, ...extra,
  };
}

describe('admin review: changes old → new (ui.md §5.7)', () => {
  it('lists only fields whose shown value differs; list order and null/blank are no change', () => {
    const found = changes({ services: ['a', 'b'], owner: null, quota: 5 }, { services: ['b', 'a'], owner: '', quota: 7 },
      { services: 'Services', owner: 'Owners', quota: 'Quota' });
    expect(found).toEqual([{ field: 'Quota', before: '5', after: '7' }]);
  });
  it('shows every set field of a new object', () => {
    expect(changes(null, { name: 'Payments', services: [] }, { name: 'Name', services: 'Services' }))
      .toEqual([{ field: 'Name', before: '—', after: 'Payments' }, { field: 'Services', before: '—', after: '(none)' }]);
  });
});

describe('fields named by the server (ui.md §5.7)', () => {
  it('marks the field a save refusal names, with its code', () => {
    const refused = new ApiError(409, 'SERVICE_ALREADY_ASSIGNED', 'Service x already belongs to delivery group y', 'r1', {});
    expect(refusalFields(refused, GROUP_FIELDS)).toEqual({ services: 'SERVICE_ALREADY_ASSIGNED: Service x already belongs to delivery group y' });
    expect(refusalFields(new ApiError(503, 'MUTATIONS_DISABLED', 'paused', 'r2', {}), GROUP_FIELDS)).toEqual({});
  });
  it('marks every field of details.errors', () => {
    const refused = new ApiError(400, 'INVALID_REQUEST', 'bad', 'r3', { details: { errors: [{ field: 'gate_url', message: 'not a URL' }] } });
    expect(refusalFields(refused, {})).toEqual({ gate_url: 'not a URL' });
  });
  it('takes only the ERRORs of a preview, joined per field', () => {
    expect(previewFields([
      { type: 'ERROR', field: 'services', message: 'a taken', code: 'SERVICE_ALREADY_ASSIGNED' },
      { type: 'ERROR', field: 'services', message: 'b taken', code: 'SERVICE_ALREADY_ASSIGNED' },
      { type: 'WARNING', field: 'daily_deploy_quota', message: 'default' },
    ])).toEqual({ services: 'SERVICE_ALREADY_ASSIGNED: a taken; SERVICE_ALREADY_ASSIGNED: b taken' });
  });
  it('accepts rate limits the server accepts, and only those', () => {
    expect(rateLimitProblem('60', 1)).toBeNull();
    expect(rateLimitProblem('0', 0)).toBeNull();
    expect(rateLimitProblem('0', 1)).not.toBeNull();
    expect(rateLimitProblem('5001', 0)).not.toBeNull();
    expect(rateLimitProblem('1.5', 1)).not.toBeNull();
  });
});

describe('CI publishers (ui.md §5.7)', () => {
  it('flags an entry without constraints', () => {
    expect(matchesEveryToken({ name: 'any', provider: 'custom' })).toBe(true);
    expect(matchesEveryToken({ name: 'gh', subjects: [] , issuers: ['https://token.actions.githubusercontent.com'] })).toBe(false);
  });
  it('reviews a replaced list by name: added, changed fields, removed', () => {
    const found = publisherChanges(
      [{ name: 'gh', provider: 'github', subjects: ['repo:a'] }, { name: 'old', provider: 'custom' }],
      [{ name: 'gh', provider: 'github', subjects: ['repo:b'] }, { name: ' new ', provider: 'jenkins', emails: ['ci@x.io'] }]);
    expect(found.map((c) => c.field)).toEqual(['gh: subjects', 'new (added)', 'old (removed)']);
    expect(found[0]).toMatchObject({ before: 'repo:a', after: 'repo:b' });
  });
});

describe('engine adapter proposal (ui.md §5.7, decision 52)', () => {
  const saved = { mode: 'http', gate_url: 'http://gate:8084', header_name: 'X-Key', header_value_configured: true,
    client_secret_configured: false, keystore_password_configured: false } as unknown as EngineConfig;
  const keep = { action: 'keep' as const };
  it('leaves untouched secrets out and sends a replaced one', () => {
    const body = engineProposal(saved, { config: saved, secrets: { header_value: keep, client_secret: { action: 'replace', value: 's3' }, keystore_password: keep } });
    expect(body).not.toHaveProperty('header_value');
    expect(body.client_secret).toBe('s3');
    expect(body.gate_url).toBe('http://gate:8084');
    expect(body.client_cert_path).toBeNull();
  });
  it('clears a configured secret the new mode does not use', () => {
    const body = engineProposal(saved, { config: { ...saved, mode: 'stub' }, secrets: { header_value: keep, client_secret: keep, keystore_password: keep } });
    expect(body).toMatchObject({ mode: 'stub', gate_url: null, header_value: null });
    expect(body).not.toHaveProperty('client_secret');
  });
  it('maps a check to the review: INVALID blocks like an ERROR', () => {
    expect(checkAsPreview({ status: 'INVALID', summary: '', errors: [{ field: 'gate_url', message: 'bad' }], warnings: [] }))
      .toEqual({ validation_status: 'ERROR', messages: [{ type: 'ERROR', field: 'gate_url', message: 'bad' }] });
  });
});

describe('audit export tally (README "Replaying audit history")', () => {
  it('counts event lines across chunk boundaries and reads the trailer', () => {
    const tally = new ReplayTally();
    tally.push(bytes('{"position":4,"event_type":"A"}\n{"posi'));
    tally.push(bytes('tion":9,"event_type":"B"}\n{"next_after":9,"limit_reached":true}\n'));
    tally.end();
    expect(tally.lines).toBe(2);
    expect(tally.lastPosition).toBe(9);
    expect(tally.trailer).toEqual({ next_after: 9, limit_reached: true });
    expect(tally.resumeAfter()).toBe(9);
  });
  it('without the trailer the stream was cut: resume after the last whole line', () => {
    const tally = new ReplayTally();
    tally.push(bytes('{"position":4}\n{"position":7}\n{"posit'));
    tally.end();
    expect(tally.trailer).toBeNull();
    expect(tally.lines).toBe(2);
    expect(tally.resumeAfter()).toBe(7);
  });
});

describe('audit entries (ui.md §5.7)', () => {
  it('links targets to the record, the service of a denied deploy, groups, recipes and settings cards', () => {
    expect(targetLink(entry({}))).toBe('/deployments/d1');
    expect(targetLink(entry({ event_type: 'DEPLOY_DENIED', target_id: 'payments' }))).toBe('/services/payments');
    expect(targetLink(entry({ target_type: 'DeliveryGroup', target_id: 'g1' }))).toBe('/admin/groups/g1');
    expect(targetLink(entry({ target_type: 'AdminSetting', target_id: 'read_rpm' }))).toBe('/admin/settings#rate-limits');
    expect(targetLink(entry({ target_type: 'AdminSetting', target_id: 'engine_adapter.gate_url' }))).toBe('/admin/settings#engine-adapter');
  });
  it('expands a config change summary', () => {
    const summary = JSON.stringify({ setting_key: 'mutations_disabled', old_value: false, new_value: true, actor_email: 'a@x.io', reason: 'incident 42', request_id: 'r9' });
    expect(configChange(entry({ event_type: 'ADMIN_CONFIG_CHANGE', summary })))
      .toEqual({ setting: 'mutations_disabled', oldValue: 'false', newValue: 'true', actor: 'a@x.io', reason: 'incident 42', requestId: 'r9' });
    expect(configChange(entry({}))).toBeNull();
  });
  it('joins an older page without repeating entries', () => {
    expect(appendOlder([entry({ event_id: 'a' }), entry({ event_id: 'b' })], [entry({ event_id: 'b' }), entry({ event_id: 'c' })])
      .map((e) => e.event_id)).toEqual(['a', 'b', 'c']);
  });
  it('bounds an entry by its second', () => {
    expect(secondOf('2026-03-01T10:15:30.123456Z')).toEqual({ from: '2026-03-01T10:15:30Z', to: '2026-03-01T10:15:30.999999Z' });
  });
});

describe('time travel (ui.md §4.7)', () => {
  it('keeps the moment on links', () => {
    expect(keepMoment('/services/a', '2026-03-01T10:00:00.000001Z')).toBe('/services/a?asOf=2026-03-01T10%3A00%3A00.000001Z');
    expect(keepMoment('/deployments?service=a', null)).toBe('/deployments?service=a');
  });
  it('compares moments to the microsecond, inclusive', () => {
    expect(momentKey('2026-03-01T10:00:00.123Z') < momentKey('2026-03-01T10:00:00.123456Z')).toBe(true);
    expect(knownAt('2026-03-01T10:00:00.123456Z', '2026-03-01T10:00:00.123456Z')).toBe(true);
    expect(knownAt('2026-03-01T10:00:00.123457Z', '2026-03-01T10:00:00.123456Z')).toBe(false);
    expect(knownAt('2030-01-01T00:00:00Z', null)).toBe(true);
  });
});

describe('rebuild progress (ui.md §5.7)', () => {
  it('estimates the time left from the rate so far', () => {
    const rebuild = { status: 'rebuilding', position: 999, headAtStart: 2999, eventsPerSecond: 1000 } as never;
    expect(secondsLeft(rebuild)).toBe(2);
    expect(secondsLeft({ ...(rebuild as object), status: 'completed' } as never)).toBeNull();
  });
});
