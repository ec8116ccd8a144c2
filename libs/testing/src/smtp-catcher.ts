import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  raw: ParsedMail;
}

/** A real SMTP server in the test process: the portal sends to it over TCP, the test reads what arrived. */
export class SmtpCatcher {
  readonly messages: CaughtMail[] = [];
  /** How many SMTP connections were opened: pooled sending reuses them. */
  connections = 0;
  /** Recipients turned away with a temporary error (451) while this says so: a relay failing part-way. */
  refuses: (address: string) => boolean = () => false;
  /** Recipients turned away for good (550) while this says so: a mailbox that will never accept. */
  rejects: (address: string) => boolean = () => false;
  /** Every recipient turned away, by either, in order: the catcher keeps only the messages it accepted. */
  readonly turnedAway: string[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections += 1;
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        if (this.rejects(address.address)) {
          this.turnedAway.push(address.address);
          callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        if (this.refuses(address.address)) {
          this.turnedAway.push(address.address);
          callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
            this.messages.push({
              to: to ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
              raw: mail,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CaughtMail[] {
    return this.messages.filter((mail) => mail.to.includes(address));
  }

  /** Waits until a message matching `predicate` arrives (jobs deliver mail asynchronously). */
  async waitFor(predicate: (mail: CaughtMail) => boolean, timeoutMs = 15_000): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no matching mail within ${timeoutMs} ms; got: ${this.messages.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
