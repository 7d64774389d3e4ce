import { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/**
 * A real SMTP server on loopback that keeps what it receives (or, when told, answers with an error).
 * Used by the mail specs, the digest e2e tests and the bench.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Each queued answer fails one incoming message with that SMTP code, in order. */
  private readonly failures: { code: number; message: string }[] = [];
  private server?: SMTPServer;
  private port = 0;
  /** Keep raw messages (false in the bench: a thousand digests need not stay in memory). */
  constructor(private readonly keep = true) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get count(): number {
    return this.countReceived;
  }

  private countReceived = 0;

  failNext(code: number, message = code >= 500 ? 'Mailbox unavailable' : 'Try again later'): void {
    this.failures.push({ code, message });
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const failure = this.failures.shift();
          if (failure) {
            const error = Object.assign(new Error(failure.message), { responseCode: failure.code });
            return callback(error);
          }
          this.countReceived++;
          if (this.keep)
            this.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.concat(chunks),
            });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  parsed(): Promise<ParsedMail[]> {
    return Promise.all(this.received.map((mail) => simpleParser(mail.raw, { keepCidLinks: true })));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A header as it was sent (mailparser folds List-* headers into one structured `list` value). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}
