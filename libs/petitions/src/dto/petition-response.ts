import type { PetitionResponseDto } from './petitions.dto';
import type { Petition } from '../repositories/petition.row';

export function isConsiderationOverdue(petition: Petition, now = new Date()): boolean {
  return (
    (petition.status === 'registered' || petition.status === 'under-consideration') &&
    !!petition.considerationDueAt &&
    petition.considerationDueAt < now
  );
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The public shape of a petition: no personal data beyond the initiator's public name. */
export function toPetitionResponse(
  petition: Petition,
  signatures: number,
  publicUrl: string,
): PetitionResponseDto {
  return {
    id: petition.id,
    kind: petition.kind,
    origin: petition.origin,
    status: petition.status,
    title: petition.title,
    body: petition.body,
    authorName: petition.authorName,
    threshold: petition.threshold,
    thresholdBasis: petition.thresholdBasis,
    signatures,
    closesAt: iso(petition.closesAt),
    openedAt: iso(petition.openedAt),
    registrationNumber: petition.registrationNumber,
    registeredAt: iso(petition.registeredAt),
    considerationDueAt: iso(petition.considerationDueAt),
    considerationOverdue: isConsiderationOverdue(petition),
    answerOutcome: petition.answerOutcome,
    answerText: petition.answerText,
    answeredAt: iso(petition.answeredAt),
    url: `${publicUrl}/petitions/${petition.id}`,
  };
}
