import type { TestApp } from '@chartuloba/testing';
import { messageKeysOf, SEND_MAIL_JOB, SendMailPayload } from '../../libs/platform/src/mail/mail.service';

export interface SendJob {
  key: string;
  messageKeys: string[];
}

/**
 * The send jobs in the outbox that name a message whose key starts with `messageKeyPrefix`, in the order
 * they were enqueued. A job names a chunk of messages, so tests that asked what was queued for someone look
 * into the payloads rather than at the job keys.
 */
export async function sendJobsNaming(t: TestApp, messageKeyPrefix: string): Promise<SendJob[]> {
  const rows = (await t.dataSource.query(
    `SELECT job_key AS key, payload FROM platform_jobs WHERE name = $1 ORDER BY id`,
    [SEND_MAIL_JOB],
  )) as Array<{ key: string; payload: SendMailPayload }>;
  return rows
    .map((row) => ({ key: row.key, messageKeys: messageKeysOf(row.payload) }))
    .filter((job) => job.messageKeys.some((key) => key.startsWith(messageKeyPrefix)));
}

/** The queued messages whose key starts with `messageKeyPrefix`: a key twice means two jobs would send it. */
export async function queuedMessageKeys(t: TestApp, messageKeyPrefix: string): Promise<string[]> {
  return (await sendJobsNaming(t, messageKeyPrefix))
    .flatMap((job) => job.messageKeys)
    .filter((key) => key.startsWith(messageKeyPrefix));
}
