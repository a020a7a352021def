// A real SMTP server for tests: fixtures/smtpReceiver.ts (smtp-server) in a child process on a free port, writing
// what it accepted to a file this side reads. It can be stopped and started again on the same port (an outage), and
// told to refuse (451 or 550 to RCPT TO) or to hold a message unanswered (a sender stuck mid-send).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort';
import { parseMessage, type ParsedMessage } from '../../server/mail/mimeMessage';

const script = fileURLToPath(new URL('./fixtures/smtpReceiver.ts', import.meta.url));

export type SmtpMode = 'accept' | 'refuse451' | 'refuse550' | `hold:${number}`;

export interface ReceivedMessage extends ParsedMessage {
  from: string;
  /** Envelope recipients. */
  to: string[];
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every message accepted so far, oldest first (across restarts). */
  messages(): ReceivedMessage[];
  /** Envelope recipients of messages held unanswered in hold mode. */
  held(): string[][];
  setMode(mode: SmtpMode): void;
  /** Stops the process (connections drop, the port refuses); messages received so far are kept. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

interface Line {
  type: 'message' | 'held';
  from?: string;
  to: string[];
  raw?: string;
}

/** Starts the receiver and waits until it listens. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rukun-smtp-'));
  const outFile = join(dir, 'received.jsonl');
  const modeFile = join(dir, 'mode');
  writeFileSync(modeFile, 'accept');
  let child: ChildProcess | null = null;

  const lines = (): Line[] =>
    existsSync(outFile)
      ? readFileSync(outFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Line)
      : [];

  const start = async (): Promise<void> => {
    const proc = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, SMTP_PORT: String(port), OUT_FILE: outFile, MODE_FILE: modeFile },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      proc.once('message', () => resolve());
      proc.once('exit', (code) => reject(new Error(`SMTP receiver exited (${code}) before listening`)));
    });
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: () =>
      lines()
        .filter((l) => l.type === 'message')
        .map((l) => ({ ...parseMessage(l.raw ?? ''), from: l.from ?? '', to: l.to })),
    held: () => lines().filter((l) => l.type === 'held').map((l) => l.to),
    setMode: (mode) => writeFileSync(modeFile, mode),
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
