import { ApiError, post, type ApiResponse } from './client';

const RETRY_PAUSE_MS = 1_000;

/**
 * ui.md §4.5: sends a submission with its Idempotency-Key; when no answer arrives (the response was
 * lost) it retries once with the same key, so the server replays the first answer instead of acting twice.
 */
export async function submit<T>(url: string, body: unknown, key: string): Promise<ApiResponse<T>> {
  try {
    return await post<T>(url, body, key);
  } catch (failure) {
    if (!(failure instanceof ApiError) || !failure.unreachable) {
      throw failure;
    }
    await new Promise((resolve) => window.setTimeout(resolve, RETRY_PAUSE_MS));
    return post<T>(url, body, key);
  }
}
