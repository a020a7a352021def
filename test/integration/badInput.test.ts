// Garbage in, contract errors out. For every route (the table below, checked against /api/openapi.json) it sends
// malformed JSON, wrong types, missing fields, over-long strings, odd Unicode, wrong content types, unknown ids and
// bad query parameters, and asserts each answer is a 4xx in the contract's error shape, never a 5xx.
// Routes documented in OpenAPI but missing from the table still get the attacks their schemas describe.
// Also: rate limits (on a second server), the operations endpoints and the OpenAPI document itself.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sanction } from '../../server/contracts/api';
import { apiClient, type ApiClient, type ApiResponse } from '../helpers/api';
import { createCommunity, createPost, createUser, join, unique, waitForPost, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { expectError, expectErrorShape, type ErrorBody } from './support';

const PASSWORD = 'kata-sandi-rahasia';
/** Comfortably over the default BODY_LIMIT of 100kb. */
const OVERSIZE = 150 * 1024;

let server: TestServer;
let api: ApiClient;
let openApi: OpenApiDocument;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
  openApi = (await api.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
});
afterAll(async () => {
  await server.close();
});

// ---------------------------------------------------------------------------------------------------------------
// The OpenAPI shapes this file reads.

interface JsonSchema {
  /** A nullable field's type is a list such as ["string", "null"]. */
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  security?: unknown[];
  responses: Record<string, unknown>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// ---------------------------------------------------------------------------------------------------------------
// The route table: every route mounted in server/routes, with a valid request built on its own fresh state.

interface ValidRequest {
  token: string | null;
  /** Concrete path, e.g. /api/posts/0193... */
  path: string;
  /** Path parameter values, to swap for unknown ones. */
  params: Record<string, string>;
  /** A fresh valid body per call (some routes refuse a second identical request). */
  body?: () => Record<string, unknown>;
  query?: Record<string, string>;
  /** The status of the valid request, sent last to prove the baseline was valid all along. */
  success: number;
}

interface RouteCase {
  method: Method;
  /** The OpenAPI path template. */
  path: string;
  auth: boolean;
  /** Trimmed text fields and their maximum length (OpenAPI cannot show limits of transformed strings). */
  text?: Record<string, number>;
  /** Query parameters that the handler decodes itself (cursors): garbage gets 400 only with a valid context. */
  cursor?: boolean;
  setup(): Promise<ValidRequest>;
}

interface World {
  owner: TestUser;
  member: TestUser;
  slug: string;
}

async function world(): Promise<World> {
  const [owner, member] = await Promise.all([createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  await join(api, member, community.slug);
  return { owner, member, slug: community.slug };
}

async function publishedPost(w: World): Promise<string> {
  const post = await createPost(api, w.member, w.slug, { body: `Kabar hari ini ${unique()}` });
  return (await waitForPost(api, w.member, post.id, (p) => p.status === 'published')).id;
}

function registration() {
  const handle = `u_${unique()}`;
  return { handle, email: `${handle}@example.test`, password: PASSWORD, displayName: `User ${handle}` };
}

const ROUTES: RouteCase[] = [
  {
    method: 'POST', path: '/api/auth/register', auth: false, text: { displayName: 60 },
    setup: async () => ({ token: null, path: '/api/auth/register', params: {}, body: registration, success: 201 }),
  },
  {
    method: 'POST', path: '/api/auth/login', auth: false,
    setup: async () => {
      const user = await createUser(api);
      return { token: null, path: '/api/auth/login', params: {}, body: () => ({ login: user.handle, password: PASSWORD }), success: 200 };
    },
  },
  {
    method: 'POST', path: '/api/auth/logout', auth: true,
    setup: async () => ({ token: (await createUser(api)).token, path: '/api/auth/logout', params: {}, success: 204 }),
  },
  {
    method: 'GET', path: '/api/me', auth: true,
    setup: async () => ({ token: (await createUser(api)).token, path: '/api/me', params: {}, success: 200 }),
  },
  {
    method: 'PATCH', path: '/api/me', auth: true, text: { displayName: 60 },
    setup: async () => ({ token: (await createUser(api)).token, path: '/api/me', params: {}, body: () => ({ displayName: 'Nama Baru', locale: 'id' }), success: 200 }),
  },
  {
    method: 'GET', path: '/api/me/notifications', auth: true, cursor: true,
    setup: async () => ({ token: (await createUser(api)).token, path: '/api/me/notifications', params: {}, success: 200 }),
  },
  {
    method: 'POST', path: '/api/me/notifications/read', auth: true,
    setup: async () => ({ token: (await createUser(api)).token, path: '/api/me/notifications/read', params: {}, body: () => ({ ids: ['n1'] }), success: 204 }),
  },
  {
    method: 'GET', path: '/api/communities', auth: true, cursor: true,
    setup: async () => ({ token: (await createUser(api)).token, path: '/api/communities', params: {}, success: 200 }),
  },
  {
    method: 'POST', path: '/api/communities', auth: true, text: { name: 80, description: 2000 },
    setup: async () => ({
      token: (await createUser(api)).token, path: '/api/communities', params: {},
      body: () => ({ slug: `c-${unique()}`, name: 'Komunitas Baru', description: 'Tentang kami' }), success: 201,
    }),
  },
  {
    method: 'GET', path: '/api/communities/{slug}', auth: true,
    setup: async () => {
      const w = await world();
      return { token: w.member.token, path: `/api/communities/${w.slug}`, params: { slug: w.slug }, success: 200 };
    },
  },
  {
    method: 'PATCH', path: '/api/communities/{slug}/settings', auth: true,
    setup: async () => {
      const w = await world();
      return {
        token: w.owner.token, path: `/api/communities/${w.slug}/settings`, params: { slug: w.slug },
        body: () => ({ reportThreshold: 4, digest: { cadence: 'daily', hour: 7, timezone: 'Asia/Jakarta' } }), success: 200,
      };
    },
  },
  {
    method: 'POST', path: '/api/communities/{slug}/join', auth: true,
    setup: async () => {
      const w = await world();
      const newcomer = await createUser(api);
      return { token: newcomer.token, path: `/api/communities/${w.slug}/join`, params: { slug: w.slug }, success: 201 };
    },
  },
  {
    method: 'GET', path: '/api/communities/{slug}/calendar', auth: true,
    setup: async () => {
      const w = await world();
      return {
        token: w.owner.token, path: `/api/communities/${w.slug}/calendar`, params: { slug: w.slug },
        query: { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00+07:00' }, success: 200,
      };
    },
  },
  {
    method: 'GET', path: '/api/communities/{slug}/members', auth: true, cursor: true,
    setup: async () => {
      const w = await world();
      return { token: w.owner.token, path: `/api/communities/${w.slug}/members`, params: { slug: w.slug }, success: 200 };
    },
  },
  {
    method: 'PUT', path: '/api/communities/{slug}/members/{userId}/role', auth: true,
    setup: async () => {
      const w = await world();
      return {
        token: w.owner.token, path: `/api/communities/${w.slug}/members/${w.member.id}/role`, params: { slug: w.slug, userId: w.member.id },
        body: () => ({ role: 'moderator' }), success: 200,
      };
    },
  },
  {
    method: 'POST', path: '/api/communities/{slug}/members/{userId}/sanctions', auth: true, text: { reason: 1000 },
    setup: async () => {
      const w = await world();
      return {
        token: w.owner.token, path: `/api/communities/${w.slug}/members/${w.member.id}/sanctions`, params: { slug: w.slug, userId: w.member.id },
        body: () => ({ kind: 'warn', reason: 'Harap sopan', durationMinutes: 60 }), success: 201,
      };
    },
  },
  {
    method: 'DELETE', path: '/api/sanctions/{id}', auth: true,
    setup: async () => {
      const w = await world();
      const res = await api.request<{ sanction: Sanction }>('POST', `/api/communities/${w.slug}/members/${w.member.id}/sanctions`, { token: w.owner.token, body: { kind: 'mute', reason: 'Kasar' } });
      const id = res.body.sanction.id;
      return { token: w.owner.token, path: `/api/sanctions/${id}`, params: { id }, success: 204 };
    },
  },
  {
    method: 'GET', path: '/api/communities/{slug}/posts', auth: true, cursor: true,
    setup: async () => {
      const w = await world();
      return { token: w.member.token, path: `/api/communities/${w.slug}/posts`, params: { slug: w.slug }, query: { tag: 'kopdar' }, success: 200 };
    },
  },
  {
    method: 'POST', path: '/api/communities/{slug}/posts', auth: true, text: { body: 10_000, title: 200 },
    setup: async () => {
      const w = await world();
      return { token: w.member.token, path: `/api/communities/${w.slug}/posts`, params: { slug: w.slug }, body: () => ({ body: `Halo semua ${unique()}`, title: 'Salam' }), success: 201 };
    },
  },
  {
    method: 'GET', path: '/api/posts/{id}', auth: true,
    setup: async () => {
      const w = await world();
      const id = await publishedPost(w);
      return { token: w.owner.token, path: `/api/posts/${id}`, params: { id }, success: 200 };
    },
  },
  {
    method: 'PATCH', path: '/api/posts/{id}', auth: true, text: { body: 10_000, title: 200 },
    setup: async () => {
      const w = await world();
      const id = await publishedPost(w);
      return { token: w.member.token, path: `/api/posts/${id}`, params: { id }, body: () => ({ body: `Sudah diperbaiki ${unique()}` }), success: 200 };
    },
  },
  {
    method: 'DELETE', path: '/api/posts/{id}', auth: true,
    setup: async () => {
      const w = await world();
      const id = await publishedPost(w);
      return { token: w.member.token, path: `/api/posts/${id}`, params: { id }, success: 204 };
    },
  },
  {
    method: 'POST', path: '/api/posts/{id}/reactions', auth: true,
    setup: async () => {
      const w = await world();
      const id = await publishedPost(w);
      return { token: w.owner.token, path: `/api/posts/${id}/reactions`, params: { id }, body: () => ({ kind: 'insightful' }), success: 201 };
    },
  },
  {
    method: 'DELETE', path: '/api/posts/{id}/reactions', auth: true,
    setup: async () => {
      const w = await world();
      const id = await publishedPost(w);
      await api.request('POST', `/api/posts/${id}/reactions`, { token: w.owner.token, body: { kind: 'like' } });
      return { token: w.owner.token, path: `/api/posts/${id}/reactions`, params: { id }, query: { kind: 'like' }, success: 204 };
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Attacks.

interface Attack {
  label: string;
  method: Method;
  path: string;
  token?: string | null;
  /** Sent as is; content-type application/json unless headers say otherwise. */
  raw?: string;
  headers?: Record<string, string>;
  /** Acceptable statuses. Undefined: any 4xx (and, for odd-but-legal input, a 2xx). */
  status?: number[];
  code?: string;
  /** A 422 detail path that must start with this. */
  detail?: string;
  /** Legal input in a strange shape: 2xx is fine, 4xx must be in the error shape, 5xx never. */
  mayPass?: boolean;
}

const LONE_HIGH = '\\ud800';
const LONE_LOW = '\\udfff';
const ODD_BUT_LEGAL = ['\u202eevil\u202c', '\u200b\u200bhalo\u200d', '\ufeffBOM', '😀🇮🇩👩🏽‍💻', 'e\u0301\u0323', '𝒻𝓊𝓃𝓀𝓎'];

/** The query string of a record. */
function qs(query: Record<string, string>): string {
  const s = new URLSearchParams(query).toString();
  return s ? `?${s}` : '';
}

/** JSON text of `body` with one property replaced by raw JSON text (for values JSON.stringify cannot make). */
function withRawProp(body: Record<string, unknown>, prop: string, rawValue: string): string {
  const marker = `__raw_${randomBytes(4).toString('hex')}__`;
  return JSON.stringify({ ...body, [prop]: marker }).replace(`"${marker}"`, rawValue);
}

/** Values of the wrong JSON type for a schema, as raw JSON text. */
function wrongTypes(schema: JsonSchema): string[] {
  // A nullable field (events: location, onlineUrl, capacity clear with null) gets its base type's attacks but null.
  if (Array.isArray(schema.type)) {
    const base = schema.type.find((t) => t !== 'null');
    const nullable = schema.type.includes('null');
    return wrongTypes({ ...schema, ...(base ? { type: base } : {}) }).filter((v) => !(nullable && v === 'null'));
  }
  if (schema.enum) return ['"definitely-not-an-option"', '7', 'null'];
  switch (schema.type) {
    case 'string':
      return ['12345', 'true', '["x"]', '{"a":1}', 'null'];
    case 'integer':
      return ['"5"', '1.5', '1e999', '{}', 'null'];
    case 'number':
      return ['"5"', '1e999', '[]', 'null'];
    case 'boolean':
      return ['"true"', '1', 'null'];
    case 'array':
      return ['"x"', '{"0":"a"}', 'null'];
    case 'object':
      return ['"x"', '[]', '42', 'null'];
    default:
      return ['null'];
  }
}

/** Bad values for a query parameter, from its schema. */
function badQueryValues(schema: JsonSchema): string[] {
  const values: string[] = [];
  if (schema.type === 'integer' || schema.type === 'number') {
    values.push('abc', '', '1.5', '0x', '1e999');
    if (schema.minimum !== undefined) values.push(String(schema.minimum - 1));
    if (schema.maximum !== undefined) values.push(String(schema.maximum + 1));
  }
  if (schema.enum) values.push('bogus', 'PUBLISHED');
  if (schema.format === 'date-time') values.push('yesterday', '2030-02-30T00:00:00Z', '2030-01-01');
  if (schema.maxLength !== undefined) values.push('q'.repeat(schema.maxLength + 1));
  return values;
}

function bodySchemaOf(op: Operation | undefined): JsonSchema | undefined {
  return op?.requestBody?.content['application/json'].schema;
}

/** Everything to throw at one route, around its valid request. */
function attacksFor(method: Method, op: Operation, route: RouteCase | undefined, valid: ValidRequest): Attack[] {
  const { token, params, path } = valid;
  const query = valid.query ?? {};
  const url = `${path}${qs(query)}`;
  const schema = bodySchemaOf(op);
  const baseBody = (): Record<string, unknown> => valid.body?.() ?? {};
  const attacks: Attack[] = [];
  const add = (a: Omit<Attack, 'method'> & { method?: Method }) => attacks.push({ method, token, ...a });

  // Body parsing happens before routing, for every method that carries a body.
  if (method !== 'GET') {
    for (const raw of ['{"a":', '{"body": "unterminated}', "{'single': 'quotes'}", '{"a":1,}', 'NaN', '"just a string"', 'null', '\u0000', '{"a":"\\x41"}', '{"a":"\\ud800"']) {
      add({ label: `malformed JSON ${JSON.stringify(raw)}`, path: url, raw, status: [400], code: 'malformed_json' });
    }
    add({ label: 'body over BODY_LIMIT', path: url, raw: JSON.stringify({ body: 'x'.repeat(OVERSIZE) }), status: [413], code: 'payload_too_large' });
    add({ label: 'JSON in an unsupported charset', path: url, raw: '{}', headers: { 'content-type': 'application/json; charset=latin1' }, status: [415], code: 'unsupported_media_type' });
    add({ label: 'UTF-8 bytes declared as UTF-16', path: url, raw: '{"a":1}', headers: { 'content-type': 'application/json; charset=utf-16' }, status: [400], code: 'malformed_json' });
    add({ label: 'an unsupported content encoding', path: url, raw: '{}', headers: { 'content-encoding': 'compress' }, status: [415], code: 'unsupported_media_type' });
    add({ label: 'gzip that is not gzip', path: url, raw: 'this is not gzip at all', headers: { 'content-encoding': 'gzip' }, status: [400] });
  }

  if (schema) {
    const required = schema.required ?? [];
    add({ label: 'a JSON array as body', path: url, raw: '[]', status: [422], code: 'validation_failed' });
    add({ label: 'a deeply nested body', path: url, raw: '['.repeat(20_000) + ']'.repeat(20_000), status: [400, 422] });
    add({ label: 'valid JSON sent as text/plain', path: url, raw: JSON.stringify(baseBody()), headers: { 'content-type': 'text/plain' }, status: [415, 422] });
    add({ label: 'a form-encoded body', path: url, raw: new URLSearchParams(Object.entries(baseBody()).map(([k, v]) => [k, String(v)])).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: [415, 422] });
    const rest = JSON.stringify(baseBody()).slice(1);
    add({ label: 'prototype pollution keys', path: url, raw: `{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}${rest === '}' ? '}' : `,${rest}`}`, mayPass: true });
    if (required.length > 0) add({ label: 'an empty object', path: url, raw: '{}', status: [422], code: 'validation_failed' });

    for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
      for (const wrong of wrongTypes(propSchema)) {
        add({ label: `${prop} = ${wrong.slice(0, 20)}`, path: url, raw: withRawProp(baseBody(), prop, wrong), status: [422], code: 'validation_failed', detail: `body.${prop}` });
      }
      if (required.includes(prop) && valid.body) {
        const without = baseBody();
        delete without[prop];
        add({ label: `missing ${prop}`, path: url, raw: JSON.stringify(without), status: [422], code: 'validation_failed', detail: `body.${prop}` });
      }
      const max = route?.text?.[prop] ?? propSchema.maxLength;
      if (propSchema.type === 'string' && max !== undefined) {
        add({ label: `${prop} of ${max + 1} characters`, path: url, raw: JSON.stringify({ ...baseBody(), [prop]: `${'a'.repeat(max)}b` }), status: [422], code: 'validation_failed', detail: `body.${prop}` });
      }
      if (propSchema.type === 'array' && propSchema.maxItems !== undefined) {
        add({ label: `${prop} with ${propSchema.maxItems + 1} items`, path: url, raw: JSON.stringify({ ...baseBody(), [prop]: Array.from({ length: propSchema.maxItems + 1 }, (_, i) => `x${i}`) }), status: [422], code: 'validation_failed', detail: `body.${prop}` });
      }
      if (propSchema.type === 'array' && propSchema.items?.maxLength !== undefined) {
        add({ label: `${prop} with an over-long item`, path: url, raw: JSON.stringify({ ...baseBody(), [prop]: ['z'.repeat(propSchema.items.maxLength + 1)] }), status: [422], code: 'validation_failed', detail: `body.${prop}` });
      }
      if (propSchema.type === 'string') {
        const isText = route?.text?.[prop] !== undefined;
        // Lone surrogates and NUL are never text a person typed: text fields refuse them, others must not crash.
        for (const [label, rawValue] of [['a lone high surrogate', `"a${LONE_HIGH}b"`], ['a lone low surrogate', `"${LONE_LOW}"`], ['a NUL', '"a\\u0000b"']] as const) {
          add({ label: `${prop} with ${label}`, path: url, raw: withRawProp(baseBody(), prop, rawValue), ...(isText ? { status: [422], code: 'validation_failed', detail: `body.${prop}` } : { mayPass: true }) });
        }
        for (const odd of ODD_BUT_LEGAL) {
          add({ label: `${prop} = ${JSON.stringify(odd)}`, path: url, raw: JSON.stringify({ ...baseBody(), [prop]: odd }), mayPass: true });
        }
      }
    }
  }

  // Query parameters, from the document.
  for (const param of (op.parameters ?? []).filter((p) => p.in === 'query')) {
    for (const bad of badQueryValues(param.schema)) {
      add({ label: `?${param.name}=${bad.slice(0, 20)}`, path: `${path}${qs({ ...query, [param.name]: bad })}`, status: [400], code: 'bad_request' });
    }
    add({ label: `?${param.name} given twice`, path: `${path}${qs(query)}${Object.keys(query).length ? '&' : '?'}${param.name}=1&${param.name}=2`, status: [400], code: 'bad_request' });
  }
  if (route?.cursor) {
    for (const cursor of ['garbage', 'e30', Buffer.from('["2030-01-01T00:00:00Z"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), '%ED%A0%80']) {
      add({ label: `?cursor=${cursor}`, path: `${path}?cursor=${cursor}`, status: [400], code: 'bad_request' });
    }
  }

  // Path parameters: unknown ids are 404; odd ones are some 4xx.
  const body = valid.body ? JSON.stringify(baseBody()) : undefined;
  for (const [name, value] of Object.entries(params)) {
    const swap = (replacement: string) => `${path.replace(`/${value}`, `/${replacement}`)}${qs(query)}`;
    add({ label: `unknown ${name}`, path: swap(`no-such-${name}-${unique()}`), raw: body, status: [404], code: 'not_found' });
    for (const odd of ['%ED%A0%80', '%00', '%E2%80%AE', '%F0%9F%98%80', 'x'.repeat(65), '%25', '..%2F..%2Fetc']) {
      add({ label: `${name} = ${odd.slice(0, 20)}`, path: swap(odd), raw: body });
    }
  }

  // Credentials.
  add({ label: 'an unknown Bearer token', path: url, raw: body, token: `not-a-token-${unique()}`, status: [401], code: 'unauthenticated' });
  add({ label: 'an over-long Bearer token', path: url, raw: body, token: 't'.repeat(5000), status: [401], code: 'unauthenticated' });
  if (route?.auth ?? op.security !== undefined) {
    // Without a valid body to send (routes outside the table), the body may be refused before the session is asked.
    const status = route || !schema ? [401] : [401, 422];
    add({ label: 'no credentials', path: url, raw: body, token: null, status, code: 'unauthenticated' });
    add({ label: 'a stale session cookie', path: url, raw: body, token: null, headers: { cookie: 'rukun_session=stale', origin: server.baseUrl }, status, code: 'unauthenticated' });
  }
  return attacks;
}

/** Sends one attack and returns what is wrong with the answer (empty when it is right). */
async function run(attack: Attack): Promise<string[]> {
  const headers: Record<string, string> = { ...attack.headers };
  const res: ApiResponse<unknown> = await api.request(attack.method, attack.path, {
    ...(attack.token ? { token: attack.token } : {}),
    ...(attack.raw !== undefined ? { raw: attack.raw } : {}),
    headers,
  });
  const where = `${attack.method} ${attack.path.slice(0, 90)} [${attack.label}] -> ${res.status} ${JSON.stringify(res.body).slice(0, 240)}`;
  const problems: string[] = [];
  if (res.status >= 500) return [`5xx: ${where}`];
  if (res.status >= 400) {
    try {
      expectErrorShape(res);
    } catch {
      problems.push(`error shape: ${where}`);
    }
  }
  if (attack.mayPass) {
    if (res.status >= 300 && res.status < 400) problems.push(`unexpected redirect: ${where}`);
    return problems;
  }
  if (attack.status ? !attack.status.includes(res.status) : res.status < 400) problems.push(`expected ${attack.status?.join('/') ?? '4xx'}: ${where}`);
  const body = res.body as ErrorBody;
  if (attack.code && body?.error?.code !== attack.code && attack.status?.[0] === res.status) problems.push(`expected code ${attack.code}: ${where}`);
  if (attack.detail && res.status === 422) {
    const paths = Array.isArray(body.error.details) ? (body.error.details as { path?: string }[]).map((d) => d.path ?? '') : [];
    if (!paths.some((p) => p.startsWith(attack.detail ?? ''))) problems.push(`expected a detail at ${attack.detail}: ${where}`);
  }
  return problems;
}

/** Runs attacks a few at a time (the server is shared with other suites' processes). */
async function runAll(attacks: Attack[]): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < attacks.length; i += 8) {
    const results = await Promise.all(attacks.slice(i, i + 8).map(run));
    problems.push(...results.flat());
  }
  return problems;
}

function operation(method: Method, template: string): Operation | undefined {
  return openApi.paths[template]?.[method.toLowerCase()];
}

// ---------------------------------------------------------------------------------------------------------------

describe('the route table', () => {
  it('lists only routes the OpenAPI document has, each once', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const missing = ROUTES.filter((r) => operation(r.method, r.path) === undefined).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });
});

describe.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('garbage to %s', (_name, route) => {
  it('is answered with contract errors, and the valid request still works afterwards', async () => {
    const op = operation(route.method, route.path);
    expect(op, `${route.method} ${route.path} is not in /api/openapi.json`).toBeDefined();
    if (!op) return;
    const valid = await route.setup();
    const attacks = attacksFor(route.method, op, route, valid);
    expect(attacks.length).toBeGreaterThan(3);
    expect(await runAll(attacks)).toEqual([]);

    const res = await api.request(route.method, `${valid.path}${qs(valid.query ?? {})}`, {
      ...(valid.token ? { token: valid.token } : {}),
      ...(valid.body ? { body: valid.body() } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(valid.success);
  });
});

describe('garbage to documented routes outside the table', () => {
  it('gets the attacks their schemas describe, with unknown ids', async () => {
    const owner = await createUser(api);
    const known = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    const attacks: Attack[] = [];
    for (const [template, ops] of Object.entries(openApi.paths)) {
      for (const [lower, op] of Object.entries(ops)) {
        const method = lower.toUpperCase() as Method;
        if (known.has(`${method} ${template}`)) continue;
        const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => `unknown-${name}-${unique()}`);
        attacks.push(...attacksFor(method, op, undefined, { token: owner.token, path, params: {}, success: 0 }));
      }
    }
    // Nothing to do is fine (every route is in the table); whatever there is must be answered properly.
    expect(await runAll(attacks)).toEqual([]);
  });
});

describe('odd but legal Unicode', () => {
  it('is stored and returned exactly as sent in a post, a name and a display name', async () => {
    const owner = await createUser(api);
    const odd = `Halo ${ODD_BUT_LEGAL.join(' ')} ${unique()}`;
    const community = await api.request<{ community: { slug: string; name: string } }>('POST', '/api/communities', { token: owner.token, body: { slug: `c-${unique()}`, name: 'RT 05 😀 حي' } });
    expect(community.status).toBe(201);
    // Names are held to more than well-formed Unicode: no bidi controls or stray invisibles (test/security/invisibleNames).
    expect(community.body.community.name).toBe('RT 05 😀 حي');
    const post = await createPost(api, owner, community.body.community.slug, { body: odd });
    expect(post.body).toBe(odd);
    const me = await api.request<{ user: { displayName: string } }>('PATCH', '/api/me', { token: owner.token, body: { displayName: '👩🏽‍💻 Siti' } });
    expect(me.body.user.displayName).toBe('👩🏽‍💻 Siti');
  });
});

describe('paths and methods nobody mounted', () => {
  it.each([
    ['GET', '/api'],
    ['GET', '/api/'],
    ['GET', '/api/nope'],
    ['POST', '/api/nope/deeper'],
    ['PUT', '/api/me'],
    ['DELETE', '/api/communities'],
    ['GET', '/api/posts'],
    ['GET', '/api/%ED%A0%80'],
    ['GET', '/api/communities/%00/posts/extra'],
  ])('%s %s -> 404 not_found', async (method, path) => {
    const user = await createUser(api);
    expectError(await api.request(method, path, { token: user.token }), 404, 'not_found');
  });

  it('answers an unknown /api path 404 without a session too', async () => {
    expectError(await api.request('GET', `/api/${unique()}`), 404, 'not_found');
  });
});

describe('the queue dashboard', () => {
  it('is refused without a session (401) and is not found for anyone but an instance admin (404)', async () => {
    expectError(await api.request('GET', '/admin/queues'), 401, 'unauthenticated');
    expectError(await api.request('GET', '/admin/queues', { token: `nope-${unique()}` }), 401, 'unauthenticated');
    const member = await createUser(api);
    expectError(await api.request('GET', '/admin/queues', { token: member.token }), 404, 'not_found');
    // Owning a community is no instance role (test/security/queueDashboard.test.ts covers admins).
    const owner = await createUser(api);
    await createCommunity(api, owner);
    expectError(await api.request('GET', '/admin/queues', { token: owner.token }), 404, 'not_found');
  });
});

describe('operations', () => {
  it('/readyz answers 200 with database and Redis ok', async () => {
    const res = await api.request<{ status: string; checks: Record<string, string> }>('GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ database: 'ok', redis: 'ok' });
  });

  it('/metrics is Prometheus text with HTTP latency', async () => {
    await api.request('GET', '/healthz');
    const res = await api.request<string>('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.body).toContain('# TYPE rukun_http_request_duration_seconds histogram');
    expect(res.body).toMatch(/^rukun_http_request_duration_seconds_bucket\{.*\} \d+/m);
  });

  it('/api/openapi.json is an OpenAPI 3.1 document of the API', async () => {
    const res = await api.request<OpenApiDocument>('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(doc.components?.securitySchemes).toHaveProperty('bearer');
    const templates = Object.keys(doc.paths);
    expect(templates.length).toBeGreaterThanOrEqual(ROUTES.length / 2);
    for (const [template, ops] of Object.entries(doc.paths)) {
      expect(template).toMatch(/^\/api\//);
      const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), `${method} ${template} has a success response`).toBe(true);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), `${method} ${template} declares its path parameters`).toEqual([...pathParams].sort());
      }
    }
  });

  it('after all of the above the server is healthy and never answered 5xx', async () => {
    expect((await api.request('GET', '/healthz')).status).toBe(200);
    expect((await api.request('GET', '/readyz')).status).toBe(200);
    const metrics = (await api.request<string>('GET', '/metrics')).body;
    const serverErrors = metrics.split('\n').filter((line) => line.startsWith('rukun_http_request_duration_seconds_count') && /status="5\d\d"/.test(line));
    expect(serverErrors).toEqual([]);
  });
});

describe('rate limits', () => {
  let limited: TestServer;
  let limitedApi: ApiClient;
  beforeAll(async () => {
    // Same database as the main server (users are made there, unlimited); its own Redis prefix, so its own counters.
    limited = await startTestServer({
      process: 'server',
      databaseUrl: server.rukun.deps.config.DATABASE_URL,
      env: { RUKUN_RATE_LIMITS: 'on', RATE_LIMIT_LOGIN_PER_15MIN: '3', RATE_LIMIT_REGISTER_PER_HOUR: '2', RATE_LIMIT_POSTS_PER_MIN: '3' },
    });
    limitedApi = apiClient(limited.baseUrl);
  });
  afterAll(async () => {
    await limited?.close();
  });

  function expectRateLimited(res: ApiResponse<unknown>): void {
    expectError(res, 429, 'rate_limited');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${res.headers.get('retry-after')}`).toBe(true);
  }

  it('login: after the limit, 429 rate_limited with Retry-After, even with the right password', async () => {
    const user = await createUser(api);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await limitedApi.request('POST', '/api/auth/login', { body: { login: user.handle, password: 'salah-kata-sandi' } })).status);
    expect(statuses).toEqual([401, 401, 401]);
    expectRateLimited(await limitedApi.request('POST', '/api/auth/login', { body: { login: user.handle, password: PASSWORD } }));
    // The unlimited server still lets the user in: the limit lives with the limiting server's settings.
    expect((await api.request('POST', '/api/auth/login', { body: { login: user.handle, password: PASSWORD } })).status).toBe(200);
  });

  it('register: after the limit, 429 rate_limited with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await limitedApi.request('POST', '/api/auth/register', { body: registration() })).status);
    expect(statuses).toEqual([201, 201]);
    const blocked = registration();
    expectRateLimited(await limitedApi.request('POST', '/api/auth/register', { body: blocked }));
    // Nothing was created for the refused request.
    expectError(await api.request('POST', '/api/auth/login', { body: { login: blocked.handle, password: PASSWORD } }), 401, 'invalid_credentials');
  });

  it('posting: per user, after the limit, 429 rate_limited with Retry-After; other users still post', async () => {
    const [owner, member] = await Promise.all([createUser(api), createUser(api)]);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);
    const post = (token: string) => limitedApi.request('POST', `/api/communities/${community.slug}/posts`, { token, body: { body: `Kabar ${unique()}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(member.token)).status);
    expect(statuses).toEqual([201, 201, 201]);
    expectRateLimited(await post(member.token));
    expect((await post(owner.token)).status).toBe(201);
  });
});
