import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../config/load-config';
import { rawHeader, SmtpSink } from '../../../test/digest/smtp-sink';
import { MailSendError } from './mail-message';
import { MailService } from './mail.service';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const message = {
  to: 'reader@example.com',
  subject: 'Weekly digest 2026-W47',
  html: '<p>Hello <img src="cid:chart-1" alt="a chart"></p>',
  text: 'Hello',
  headers: { 'List-Unsubscribe': '<https://cx.example.com/u?token=abc>' },
  inlineImages: [{ cid: 'chart-1', filename: 'chart-1.png', content: PNG, contentType: 'image/png' }],
};

describe('MailService', () => {
  let sink: SmtpSink;
  beforeEach(async () => (sink = await new SmtpSink().start()));
  afterEach(() => sink.close());

  it('delivers over SMTP_URL: both parts, headers and the inline image arrive', async () => {
    const mail = new MailService(loadConfig({ SMTP_URL: sink.url, MAIL_FROM: 'CX <cx@example.com>' }));
    const receipt = await mail.send({ ...message, messageId: '<d-1@hearken>' });
    await mail.onModuleDestroy();
    expect(receipt).toEqual({ messageId: '<d-1@hearken>' });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].to).toEqual(['reader@example.com']);
    const [parsed] = await sink.parsed();
    expect(parsed.subject).toBe('Weekly digest 2026-W47');
    expect(parsed.text?.trim()).toBe('Hello');
    expect(parsed.html).toContain('cid:chart-1');
    expect(rawHeader(parsed, 'List-Unsubscribe')).toBe('<https://cx.example.com/u?token=abc>');
    expect(parsed.attachments[0].contentId).toBe('<chart-1>');
    expect(parsed.attachments[0].content.equals(PNG)).toBe(true);
  });

  it('reports an SMTP 5xx as permanent and a 4xx as worth retrying', async () => {
    const mail = new MailService(loadConfig({ SMTP_URL: sink.url }));
    sink.failNext(550);
    sink.failNext(451);
    const first = await mail.send(message).catch((e: unknown) => e);
    const second = await mail.send(message).catch((e: unknown) => e);
    await mail.onModuleDestroy();
    expect(first).toBeInstanceOf(MailSendError);
    expect((first as MailSendError).permanent).toBe(true);
    expect((second as MailSendError).permanent).toBe(false);
  });

  it('with no SMTP_URL writes each email as an .eml file a mail client can open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-outbox-'));
    try {
      const mail = new MailService(loadConfig({}, { mailOutboxDir: join(dir, 'outbox') }));
      const receipt = await mail.send(message);
      const files = readdirSync(join(dir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(receipt.file).toBe(join(dir, 'outbox', files[0]));
      const parsed = await simpleParser(readFileSync(receipt.file!));
      expect(parsed.subject).toBe(message.subject);
      expect(parsed.attachments[0].content.equals(PNG)).toBe(true);
      expect(sink.received).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
