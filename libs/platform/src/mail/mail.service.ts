import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Locale } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import { I18nService, MessageParams } from '../i18n/i18n.service';
import { pickText } from '../i18n/localized-text';
import { Municipality, MunicipalityService } from '../municipality/municipality.service';
import { JobQueue } from '../queue/job-queue';
import { createMailTransport, MailTransport } from './mail-transport';
import { MailEntity } from './mail.entity';

export const PLATFORM_QUEUE = 'platform';
export const SEND_MAIL_JOB = 'platform.send-mail';

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
   * Many messages in two statements, one for the mails and one for their send jobs: a notice to thousands
   * of signatories costs what one message did. A key stored before, or earlier in `requests`, is skipped.
   */
  async sendMany(requests: readonly MailRequest[]): Promise<void> {
    if (requests.length === 0) {
      return;
    }
    const municipality = await this.municipalities.current().catch(() => undefined);
    const mails = requests.map((request) => this.render(request, municipality));
    await this.transactions.run(async (manager) => {
      await manager.query(
        `INSERT INTO platform_mail (message_key, to_address, locale, subject, text_body)
         SELECT message_key, to_address, locale, subject, text_body
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                WITH ORDINALITY AS mail(message_key, to_address, locale, subject, text_body, position)
          ORDER BY position
         ON CONFLICT (message_key) DO NOTHING`,
        [
          mails.map((m) => m.messageKey),
          mails.map((m) => m.toAddress),
          mails.map((m) => m.locale),
          mails.map((m) => m.subject),
          mails.map((m) => m.textBody),
        ],
      );
      await this.jobs.enqueueMany(
        requests.map((request) => ({
          queue: PLATFORM_QUEUE,
          name: SEND_MAIL_JOB,
          payload: { messageKey: request.key },
          key: `mail:${request.key}`,
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

  /** Sends a stored message unless it was already sent; called by the platform processor. */
  async deliver(messageKey: string): Promise<'sent' | 'already-sent' | 'unknown'> {
    const manager = this.transactions.manager();
    const mail = await manager.findOne(MailEntity, { where: { messageKey } });
    if (!mail) {
      return 'unknown';
    }
    if (mail.sentAt) {
      return 'already-sent';
    }
    this.transport ??= createMailTransport(this.config);
    try {
      const delivery = await this.transport.send({
        messageKey,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        locale: mail.locale,
      });
      await manager.update(
        MailEntity,
        { id: mail.id },
        { sentAt: new Date(), delivery, attempts: mail.attempts + 1 },
      );
      return 'sent';
    } catch (error) {
      this.logger.warn(`mail ${messageKey} not sent: ${(error as Error).message}`);
      await manager.update(
        MailEntity,
        { id: mail.id },
        { attempts: mail.attempts + 1, lastError: (error as Error).message },
      );
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
