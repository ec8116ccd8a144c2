import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { In } from 'typeorm';
import { AppConfig, Locale } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { chunksOf } from '../batching/chunks';
import { TransactionRunner } from '../database/transaction-runner';
import { I18nService, MessageParams } from '../i18n/i18n.service';
import { pickText } from '../i18n/localized-text';
import { Municipality, MunicipalityService } from '../municipality/municipality.service';
import { JobQueue } from '../queue/job-queue';
import { createMailTransport, isPermanentRefusal, MailTransport } from './mail-transport';
import { MailEntity } from './mail.entity';

export const PLATFORM_QUEUE = 'platform';
export const SEND_MAIL_JOB = 'platform.send-mail';

/**
 * Messages per send job. A job reads its messages in one SELECT and records them in one or two UPDATEs,
 * so a notice to thousands costs a few statements per fifty people (it was three per message); fifty over
 * the pooled connections still take seconds, so a failed or crashed job re-sends little.
 */
export const MAILS_PER_SEND_JOB = 50;

/** A send job names a chunk of stored messages; one enqueued before chunking (at an upgrade) names one. */
export type SendMailPayload = { messageKeys: string[] } | { messageKey: string };

export function messageKeysOf(payload: SendMailPayload): string[] {
  return 'messageKeys' in payload ? payload.messageKeys : [payload.messageKey];
}

/**
 * Each message is enqueued once, in the transaction that stored it, so no two chunks share a first message:
 * its key names the chunk. A lone message keeps the key it always had (`mail:<key>`); chunks say `mails:`
 * and their size, so they can never take a lone message's key.
 */
function sendJobKey(messageKeys: readonly string[]): string {
  const [first] = messageKeys;
  return messageKeys.length === 1 ? `mail:${first}` : `mails:${messageKeys.length}:${first}`;
}

/** What a send job did with its messages (BullMQ keeps it as the job's result). */
export interface DeliveryReport {
  sent: number;
  alreadySent: number;
  /** Refused for good by the relay, now or by an earlier attempt: never sent again. */
  refused: number;
  unknown: number;
}

type Delivered =
  { mail: MailEntity; delivery: string } | { mail: MailEntity; error: Error; permanent: boolean };

export interface MailRequest {
  to: string;
  locale: Locale;
  /** Catalogue keys of the subject and of the body paragraphs. */
  subjectKey: string;
  bodyKeys: string[];
  params?: MessageParams;
  /** A link the message is about (verification, the petition), shown on its own line. */
  link?: string;
  /** Idempotency key: one logical message is stored and sent once, however often it is asked for. */
  key: string;
}

type RenderedMail = Pick<MailEntity, 'messageKey' | 'toAddress' | 'locale' | 'subject' | 'textBody'>;

/**
 * Mail is rendered in the recipient's language, stored in the caller's transaction and sent by a job:
 * a rolled-back action sends nothing, and a retried job never sends the same message twice.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport?: MailTransport;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly i18n: I18nService,
    private readonly municipalities: MunicipalityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(request: MailRequest): Promise<void> {
    await this.sendMany([request]);
  }

  /**
   * Many messages in two statements, one for the mails and one for their send jobs (a job per
   * `MAILS_PER_SEND_JOB`): a notice to thousands of signatories costs what one message did. A key stored
   * before, or earlier in `requests`, is skipped, and so gets no second job: a retried caller enqueues
   * nothing for what it stored the first time.
   */
  async sendMany(requests: readonly MailRequest[]): Promise<void> {
    if (requests.length === 0) {
      return;
    }
    const municipality = await this.municipalities.current().catch(() => undefined);
    const mails = requests.map((request) => this.render(request, municipality));
    await this.transactions.run(async (manager) => {
      const stored = (await manager.query(
        `INSERT INTO platform_mail (message_key, to_address, locale, subject, text_body)
         SELECT message_key, to_address, locale, subject, text_body
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                WITH ORDINALITY AS mail(message_key, to_address, locale, subject, text_body, position)
          ORDER BY position
         ON CONFLICT (message_key) DO NOTHING
         RETURNING message_key`,
        [
          mails.map((m) => m.messageKey),
          mails.map((m) => m.toAddress),
          mails.map((m) => m.locale),
          mails.map((m) => m.subject),
          mails.map((m) => m.textBody),
        ],
      )) as Array<{ message_key: string }>;
      const storedNow = new Set(stored.map((row) => row.message_key));
      // In the callers' order, not RETURNING's (which SQL does not promise), so chunks and keys are stable.
      const fresh = [...new Set(mails.map((m) => m.messageKey))].filter((key) => storedNow.has(key));
      await this.jobs.enqueueMany(
        chunksOf(fresh, MAILS_PER_SEND_JOB).map((messageKeys) => ({
          queue: PLATFORM_QUEUE,
          name: SEND_MAIL_JOB,
          payload: { messageKeys } satisfies SendMailPayload,
          key: sendJobKey(messageKeys),
        })),
      );
    });
  }

  private render(request: MailRequest, municipality: Municipality | undefined): RenderedMail {
    const params = {
      url: this.config.publicUrl,
      municipality: municipality ? pickText(municipality.name, request.locale) : '',
      ...request.params,
    };
    const t = (key: string) => this.i18n.t(request.locale, key, params);
    const paragraphs = [t('platform.mail.greeting'), ...request.bodyKeys.map(t)];
    if (request.link) {
      paragraphs.push(request.link);
    }
    paragraphs.push(t('platform.mail.signature'), t('platform.mail.unsubscribe'));
    return {
      messageKey: request.key,
      toAddress: request.to,
      locale: request.locale,
      subject: t(request.subjectKey),
      textBody: paragraphs.join('\n\n'),
    };
  }

  /**
   * Sends the stored messages not sent yet, all at once over the pooled transport, and records them in
   * one UPDATE for the sent and one for the failed: a chunk costs the same statements whatever its size.
   * A message the relay refused for good (see `isPermanentRefusal`) is recorded refused and, like a sent
   * one, never tried again. If any other failed, it throws once they are recorded, so the job is retried,
   * and the retry sends only those. A process that dies between sending and recording sends the chunk
   * again when its job is re-run (at least once); the stable Message-ID lets receiving servers drop the
   * copies. Called by the platform processor.
   */
  async deliverMany(messageKeys: readonly string[]): Promise<DeliveryReport> {
    const keys = [...new Set(messageKeys)];
    if (keys.length === 0) {
      return { sent: 0, alreadySent: 0, refused: 0, unknown: 0 };
    }
    const manager = this.transactions.manager();
    const mails = await manager.find(MailEntity, { where: { messageKey: In(keys) } });
    const unsent = mails.filter((mail) => !mail.sentAt && !mail.refusedAt);
    const report = {
      sent: 0,
      alreadySent: mails.filter((mail) => mail.sentAt).length,
      refused: mails.filter((mail) => mail.refusedAt).length,
      unknown: keys.length - mails.length,
    };
    if (unsent.length === 0) {
      return report;
    }
    const transport = (this.transport ??= createMailTransport(this.config));
    const outcomes = await Promise.all(
      unsent.map(async (mail): Promise<Delivered> => {
        try {
          const delivery = await transport.send({
            messageKey: mail.messageKey,
            to: mail.toAddress,
            subject: mail.subject,
            text: mail.textBody,
            html: mail.htmlBody,
            locale: mail.locale,
          });
          return { mail, delivery };
        } catch (error) {
          return { mail, error: error as Error, permanent: isPermanentRefusal(error) };
        }
      }),
    );
    const sent = outcomes.flatMap((o) => ('delivery' in o ? [o] : []));
    const failed = outcomes.flatMap((o) => ('error' in o ? [o] : []));
    if (sent.length > 0) {
      await manager.query(
        `UPDATE platform_mail AS mail
            SET sent_at = now(), delivery = sent.delivery, attempts = mail.attempts + 1
           FROM unnest($1::uuid[], $2::text[]) AS sent(id, delivery)
          WHERE mail.id = sent.id`,
        [sent.map((o) => o.mail.id), sent.map((o) => o.delivery)],
      );
    }
    const refusedNow = failed.filter((o) => o.permanent).length;
    const delivered = { ...report, sent: sent.length, refused: report.refused + refusedNow };
    if (failed.length === 0) {
      return delivered;
    }
    for (const { mail, error, permanent } of failed) {
      this.logger.warn(
        `mail ${mail.messageKey} ${permanent ? 'refused, not retried' : 'not sent'}: ${error.message}`,
      );
    }
    await manager.query(
      `UPDATE platform_mail AS mail
          SET attempts = mail.attempts + 1, last_error = failed.error,
              refused_at = CASE WHEN failed.permanent THEN now() ELSE mail.refused_at END
         FROM unnest($1::uuid[], $2::text[], $3::boolean[]) AS failed(id, error, permanent)
        WHERE mail.id = failed.id`,
      [failed.map((o) => o.mail.id), failed.map((o) => o.error.message), failed.map((o) => o.permanent)],
    );
    const retryable = failed.filter((o) => !o.permanent);
    const [firstRetryable] = retryable;
    if (!firstRetryable) {
      // Retrying cannot change a refusal: the job has done all it can.
      return delivered;
    }
    const { mail, error } = firstRetryable;
    const refusedNote = refusedNow > 0 ? ` (${refusedNow} more refused for good)` : '';
    const summary = `${retryable.length} of ${unsent.length} mails not sent${refusedNote}`;
    throw new Error(`${summary}; ${mail.messageKey}: ${error.message}`, { cause: error });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
