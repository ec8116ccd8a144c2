import { Injectable } from '@nestjs/common';
import type { LocalizedText } from '@chartuloba/platform';
import type { PetitionStatus } from './domain/lifecycle';
import { PetitionsRepository } from './repositories/petitions.repository';
import { SignaturesRepository } from './repositories/signatures.repository';

export interface PetitionSummary {
  id: string;
  status: PetitionStatus;
  title: LocalizedText;
  signatures: number;
  threshold: number | null;
  registrationNumber: string | null;
}

/** What other libs (tracking) may read about petitions. */
@Injectable()
export class PetitionsFacade {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly signatures: SignaturesRepository,
  ) {}

  async summary(id: string): Promise<PetitionSummary | null> {
    const petition = await this.petitions.find(id);
    if (
      !petition ||
      petition.status === 'draft' ||
      petition.status === 'submitted' ||
      petition.status === 'returned'
    ) {
      return null;
    }
    const { counted } = await this.signatures.count(id);
    return {
      id,
      status: petition.status,
      title: petition.title,
      signatures: counted,
      threshold: petition.threshold,
      registrationNumber: petition.registrationNumber,
    };
  }
}
