// The access log: one line per API request at LOG_LEVEL=info (server/app.ts mounts it only where its lines are written).
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer';

interface Line {
  level: number;
  msg: string;
  req?: { method: string; url: string; headers?: Record<string, string> };
  res?: { statusCode: number };
}

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function serverLogging(level: 'info' | 'warn'): Promise<{ server: TestServer; lines: Line[] }> {
  const lines: Line[] = [];
  const logger = pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] }, { write: (line: string) => void lines.push(JSON.parse(line) as Line) });
  const server = await startTestServer({ logger });
  servers.push(server);
  return { server, lines };
}

describe('access log', () => {
  it('writes a line per request at info, with the status and without the bearer token', async () => {
    const { server, lines } = await serverLogging('info');
    const res = await fetch(`${server.baseUrl}/api/communities/nowhere`, { headers: { authorization: 'Bearer secret-token' } });
    expect(res.status).toBe(401);
    const line = lines.find((l) => l.req?.url === '/api/communities/nowhere');
    expect(line).toMatchObject({ msg: 'request completed', req: { method: 'GET' }, res: { statusCode: 401 } });
    expect(JSON.stringify(line)).not.toContain('secret-token');
  });

});
