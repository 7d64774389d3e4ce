/** One email as the app hands it to the mail service; the transport decides how it leaves. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
  /** Images shown in the HTML as `cid:<cid>`. */
  inlineImages?: { cid: string; filename: string; content: Buffer; contentType: string }[];
  /** A stable Message-ID (`<id@host>`) lets receivers drop a copy sent twice after a crash. */
  messageId?: string;
}

export interface MailReceipt {
  messageId: string;
  /** Set when no SMTP server is configured and the email went to the outbox folder. */
  file?: string;
}

/**
 * A send that failed. `permanent` (an SMTP 5xx answer such as "no such mailbox") will fail again however
 * often it is tried; anything else (connection refused, 4xx, timeout) may pass on a later try.
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}
