import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  messageKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  locale: string;
}

/**
 * Whether the relay refused a message for good: a 5xx reply (nodemailer's `responseCode`) to its
 * recipient or to its content. A 5xx to the login or to the sender says the portal's own settings are
 * wrong, for every message alike, so those are retried like a 4xx or a lost connection.
 */
export function isPermanentRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
  return (
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode <= 599 &&
    (command === 'RCPT TO' || command === 'DATA')
  );
}

/** Sends one message and says where it went. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

function headers(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    // A stable Message-ID per logical message lets receiving servers drop a resent duplicate too.
    messageId: `<${mail.messageKey.replace(/[^A-Za-z0-9._-]/g, '.')}@chartuloba>`,
    headers: { 'Content-Language': mail.locale, 'X-Chartuloba-Key': mail.messageKey },
  };
}

/**
 * Keeps SMTP connections open between messages: a handshake per message made a milestone notice to
 * thousands of signatories take minutes. `SMTP_URL` may still say `?pool=false`.
 */
function pooled(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) {
    parsed.searchParams.set('pool', 'true');
  }
  return parsed.toString();
}

class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(pooled(url));
  }
  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail(headers(mail, this.from))) as { messageId: string };
    return info.messageId;
  }
  close(): void {
    this.transporter.close();
  }
}

/** Embedded mode: each message becomes an .eml file a developer can open; its path is logged. */
class OutboxTransport implements MailTransport {
  private readonly logger = new Logger('MailOutbox');
  private readonly transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}
  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail(headers(mail, this.from))) as { message: Buffer };
    await mkdir(this.dir, { recursive: true });
    const file = join(
      this.dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageKey.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80)}.eml`,
    );
    await writeFile(file, info.message);
    this.logger.log(`mail to ${mail.to} written to ${file}`);
    return file;
  }
  close(): void {
    this.transporter.close();
  }
}

export function createMailTransport(config: AppConfig): MailTransport {
  return config.smtpUrl
    ? new SmtpTransport(config.smtpUrl, config.mailFrom)
    : new OutboxTransport(join(config.dataDir, 'outbox'), config.mailFrom);
}
