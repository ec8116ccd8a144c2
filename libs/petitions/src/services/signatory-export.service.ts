import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, TransactionRunner } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { forbidden } from '../petitions.errors';
import { isPetitionStaff } from '../petitions.policy';
import { SignaturesRepository } from '../repositories/signatures.repository';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The list of signatories the Sakrebulo receives with the petition: staff only, and audited. */
@Injectable()
export class SignatoryExportService {
  constructor(
    private readonly signatures: SignaturesRepository,
    private readonly identity: IdentityFacade,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async csv(actor: Actor, petitionId: string): Promise<string> {
    if (!isPetitionStaff(actor)) {
      throw forbidden();
    }
    return this.transactions.run(async () => {
      const rows = await this.signatures.forExport(petitionId);
      const accounts = await this.identity.contactsOf(
        rows.flatMap((row) => (row.userId ? [row.userId] : [])),
      );
      const lines = ['source,name,address,signed,status,verification,invalid_reason,flag'];
      for (const row of rows) {
        const name = row.signerName ?? (row.userId ? accounts.get(row.userId)?.displayName : row.initials);
        lines.push(
          [
            row.source,
            name,
            row.address,
            row.signedOn ?? row.signedAt.toISOString(),
            row.status,
            row.verification,
            row.invalidReason,
            row.flagReason,
          ]
            .map(cell)
            .join(','),
        );
      }
      await this.audit.record({
        actor,
        action: 'petitions.signatories-exported',
        subject: { type: 'petition', id: petitionId },
        summary: `Signatory list of ${rows.length} exported for the Sakrebulo`,
      });
      return `${lines.join('\r\n')}\r\n`;
    });
  }
}
