/**
 * Art. 86: a petition may be filed by at least 1% of the voters registered in the municipality. "At
 * least 1%" of 20,013 is 200.13 people, so the threshold is the next whole person: 201.
 */
export function signatureThreshold(registeredVoters: number): number {
  if (!Number.isInteger(registeredVoters) || registeredVoters <= 0) {
    throw new RangeError('registered voters must be a positive integer');
  }
  // Integer arithmetic: ceil(n / 100) without floating point.
  return Math.floor((registeredVoters + 99) / 100);
}

/** Half the threshold, the milestone authors and signatories are told about. */
export function halfThreshold(threshold: number): number {
  return Math.ceil(threshold / 2);
}

/** Whether an open petition's count passes a milestone not yet recorded: half its threshold, or all of it. */
export function milestoneDue(
  status: string,
  threshold: number | null,
  halfReachedAt: Date | null,
  counted: number,
): boolean {
  if (status !== 'open' || threshold === null) {
    return false;
  }
  return counted >= threshold || (!halfReachedAt && counted >= halfThreshold(threshold));
}
