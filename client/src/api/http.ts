// The one place that talks HTTP: same origin, the session cookie, JSON in and out, contract errors as ApiRequestError.
import { ApiRequestError, isApiErrorBody, parseRetryAfter } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Appends the defined query values to a path. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends a request and returns the parsed JSON body. */
export async function requestJson<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiRequestError({ status: response.status, code: 'unexpected_response', message: 'Response is not JSON' });
  }
}

/** Sends a request whose success has no body (204). */
export async function requestVoid(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<void> {
  await send(method, path, options);
}

async function send(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({ status: 0, code: 'network_error', message: 'Network request failed' });
  }
  if (!response.ok) throw await toError(response);
  return response;
}

async function toError(response: Response): Promise<ApiRequestError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or a crash may answer with HTML or nothing; the status still says enough.
  }
  if (isApiErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiRequestError({ status: response.status, code, message, details, retryAfterSeconds });
  }
  return new ApiRequestError({
    status: response.status,
    code: 'unexpected_response',
    message: `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}
