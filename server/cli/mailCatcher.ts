// A local SMTP catcher for trying e-mail without a mail server: `npm run mail:catcher` listens on 127.0.0.1:2525
// (MAIL_CATCHER_PORT to change it), accepts every message and prints it (envelope, subject, unsubscribe headers, the
// text part). Start Rukun with SMTP_URL=smtp://127.0.0.1:2525 beside it. A development tool: smtp-server is a dev
// dependency, and nothing here is meant to face the internet.
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { parseMessage } from '../mail/mimeMessage';

const port = Number(process.env.MAIL_CATCHER_PORT ?? '2525');

async function readAll(stream: SMTPServerDataStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    readAll(stream).then(
      (raw) => {
        const message = parseMessage(raw);
        const lines = [
          `--- ${new Date().toISOString()} ---------------------------------------------`,
          `From:    ${session.envelope.mailFrom ? session.envelope.mailFrom.address : ''}`,
          `To:      ${session.envelope.rcptTo.map((r) => r.address).join(', ')}`,
          `Subject: ${message.subject}`,
          `Message-ID: ${message.headers['message-id'] ?? ''}`,
          `List-Unsubscribe: ${message.headers['list-unsubscribe'] ?? ''}`,
          `List-Unsubscribe-Post: ${message.headers['list-unsubscribe-post'] ?? ''}`,
          '',
          message.text ?? '(no text part)',
          message.html ? `(and an HTML part of ${message.html.length} characters)` : '(no HTML part)',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        callback();
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
    );
  },
});

server.on('error', (err) => console.error(err));
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Mail catcher listening on smtp://127.0.0.1:${port}: start Rukun with SMTP_URL=smtp://127.0.0.1:${port}\n`);
});
