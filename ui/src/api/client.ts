import { config } from '../config';
import { ensureFresh, expire, renew } from '../auth/renewal';
import { session } from '../auth/session';
import { uuid } from '../lib/ids';

/**
 * A failed call (ui.md §4.2): the server's code, message and request_id, or — with no answer at
 * all — the UI's own request id and `unreachable`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  readonly body: Record<string, unknown> | null;
  readonly unreachable: boolean;

  constructor(status: number, code: string, message: string, requestId: string, body: Record<string, unknown> | null,
              unreachable = false) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.body = body;
    this.unreachable = unreachable;
  }

  get operatorHint(): string | undefined {
    return (this.body?.operator_hint as string | undefined) ?? undefined;
  }

  get details(): Record<string, unknown> | undefined {
    return (this.body?.details as Record<string, unknown> | undefined) ?? undefined;
  }
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  requestId: string;
}

export interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** The media type asked for; JSON unless said otherwise (the audit replay is NDJSON). */
  accept?: string;
}

/** Fired after a 503 MUTATIONS_DISABLED, so the kill-switch state is re-read (ui.md §4.4). */
export const SETTINGS_STALE_EVENT = 'dxcp:settings-stale';

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  return read<T>(await sendRenewing(method, path, options));
}

/**
 * A GET whose body the caller reads as it arrives (the audit export streams NDJSON, ui.md §5.7): the
 * same token renewal and error bodies as {@link request}, but the body is left unread on success.
 */
export async function openStream(path: string, accept: string, signal?: AbortSignal): Promise<{ body: ReadableStream<Uint8Array>; requestId: string }> {
  const sent = await sendRenewing('GET', path, { accept, signal });
  if (!sent.response.ok || !sent.response.body) {
    await read(sent);
    throw new ApiError(sent.status, 'HTTP_ERROR', 'The answer had no body', sent.requestId, null);
  }
  return { body: sent.response.body, requestId: sent.requestId };
}

async function sendRenewing(method: string, path: string, options: RequestOptions): Promise<Sent> {
  await ensureFresh();
  let response = await send(method, path, options);
  if (response.status === 401 && session()) {
    // One silent renewal, then the sign-in route with return-to (ui.md §2).
    if (await renew()) {
      response = await send(method, path, options);
    }
    if (response.status === 401) {
      expire();
    }
  }
  return response;
}

interface Sent {
  status: number;
  headers: Headers;
  requestId: string;
  response: Response;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Sent> {
  // Every request carries a fresh X-Request-Id generated here (ui.md §4.2).
  const requestId = uuid();
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', 'X-Request-Id': requestId };
  const token = session()?.accessToken;
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.idempotencyKey) {
    headers['Idempotency-Key'] = options.idempotencyKey;
  }
  let response: Response;
  try {
    response = await fetch(config().apiBase + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (failure) {
    if (failure instanceof DOMException && failure.name === 'AbortError') {
      throw failure;
    }
    throw new ApiError(0, 'UNREACHABLE', 'DXCP could not be reached', requestId, null, true);
  }
  return { status: response.status, headers: response.headers, requestId: response.headers.get('X-Request-Id') ?? requestId, response };
}

async function read<T>(sent: Sent): Promise<ApiResponse<T>> {
  const text = await sent.response.text().catch(() => '');
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!sent.response.ok) {
    const error = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const code = (error.code as string | undefined) ?? 'HTTP_ERROR';
    if (code === 'MUTATIONS_DISABLED') {
      window.dispatchEvent(new Event(SETTINGS_STALE_EVENT));
    }
    throw new ApiError(sent.status, code, (error.message as string | undefined) ?? `HTTP ${sent.status}`,
      (error.request_id as string | undefined) ?? sent.requestId, error);
  }
  return { data: body as T, status: sent.status, headers: sent.headers, requestId: sent.requestId };
}

export function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, { signal }).then((answer) => answer.data);
}

export function post<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<ApiResponse<T>> {
  return request<T>('POST', path, { body, idempotencyKey });
}

/** A query string from the entries that have a value. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== null && value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function path(template: string, ...segments: string[]): string {
  let index = 0;
  return template.replace(/\{[^}]+\}/g, () => encodeURIComponent(segments[index++] ?? ''));
}
