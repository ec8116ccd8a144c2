import { Injectable } from '@nestjs/common';
import { Actor, minimalPdf, TransactionRunner } from '@chartuloba/platform';
import { AttachmentsService } from './attachments.service';
import { bandedPng } from './budgeting-demo.png';

/** The demo's files, made here: a photo of finished works and a cost quote on a 2026 proposal. */
@Injectable()
export class BudgetingDemoFiles {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async seed(actor: Actor, completedUpdateId?: string, proposalId?: string): Promise<void> {
    await this.transactions.run(async () => {
      if (completedUpdateId) {
        // Sky, a warm wall, the yard: enough of a picture to show where a photo goes, a few hundred bytes.
        const photo = bandedPng(48, 32, [
          [135, 190, 230],
          [214, 170, 120],
          [96, 140, 80],
        ]);
        await this.attachments.storePhoto(
          actor,
          completedUpdateId,
          { filename: 'kindergarten-heating.png', bytes: photo },
          'photo',
        );
      }
      if (proposalId) {
        const quote = minimalPdf([
          'Cost quote: drinking fountain, Kamarlo school',
          'Stainless steel fountain, two taps: 2,400 GEL',
          'Water pipe from the school mains, 40 m: 2,100 GEL',
          'Frost-proof valve and drain: 900 GEL',
          'Labour: 600 GEL',
          'Total: 6,000 GEL',
        ]);
        await this.attachments.store(
          actor,
          proposalId,
          { file: { filename: 'fountain-cost-quote.pdf', bytes: quote }, caption: null },
          { file: 'attachment', caption: 'attachmentCaption' },
        );
      }
    });
  }
}
