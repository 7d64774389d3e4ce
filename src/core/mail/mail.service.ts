import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';
import { MailMessage, MailReceipt, MailSendError } from './mail-message';

/** SMTP connections kept open and shared by concurrent sends (a thousand digests reuse a handful). */
const SMTP_POOL = { pool: true, maxConnections: 4, maxMessages: 500 } as const;
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/**
 * Sends email with nodemailer: over SMTP_URL when set; otherwise (the embedded default) each message is
 * built exactly as it would be sent and written as an `.eml` file into MAIL_OUTBOX_DIR, which any mail
 * client opens. Addresses are never logged (they are personal data).
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get mode(): 'smtp' | 'outbox' {
    return this.config.smtpUrl ? 'smtp' : 'outbox';
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const mail = {
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      messageId: message.messageId,
      attachments: (message.inlineImages ?? []).map((image) => ({
        ...image,
        contentDisposition: 'inline' as const,
      })),
    };
    let info: { messageId: string; message?: unknown };
    try {
      info = await (await this.getTransport()).sendMail(mail);
    } catch (error) {
      throw toMailSendError(error);
    }
    if (this.mode === 'smtp') return { messageId: info.messageId };
    return {
      messageId: info.messageId,
      file: await this.writeToOutbox(info.messageId, info.message as Buffer),
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.transport?.close();
  }

  /** nodemailer is loaded on first send: processes that never mail do not pay for it at boot. */
  private async getTransport(): Promise<Transporter> {
    if (this.transport) return this.transport;
    const { default: nodemailer } = await import('nodemailer');
    this.transport ??= this.config.smtpUrl
      ? nodemailer.createTransport({ url: this.config.smtpUrl, ...SMTP_POOL, ...SMTP_TIMEOUTS })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    return this.transport;
  }

  private async writeToOutbox(messageId: string, eml: Buffer): Promise<string> {
    const dir = resolve(this.config.mailOutboxDir);
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `${stamp}-${messageId.replace(/[^a-zA-Z0-9.-]/g, '').slice(0, 60)}.eml`;
    const file = join(dir, name);
    await writeFile(file, eml, { flag: 'wx' });
    this.logger.log(`No SMTP_URL set: email written to ${file}`);
    return file;
  }
}

function toMailSendError(error: unknown): MailSendError {
  const e = error as { message?: string; responseCode?: number };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  return new MailSendError(e.message ?? String(error), code !== undefined && code >= 500 && code < 600);
}
