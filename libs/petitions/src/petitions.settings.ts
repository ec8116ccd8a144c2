import type { Municipality } from '@chartuloba/platform';

/**
 * Per-municipality settings under `settings.petitions` of the municipality record. The defaults are the
 * portal's reading of the Code and of Dmanisi's rules of procedure; each municipality confirms them.
 */
export interface PetitionSettings {
  /** Days the Sakrebulo has to consider a registered petition. Default 30: confirm against the Code. */
  considerationDays: number;
  /** Working days to issue the registration certificate (Art. 86: 3). */
  registrationWorkingDays: number;
  /** The latest closing date an author may choose, in days from opening. */
  maxOpenDays: number;
  /** Extra non-working days (YYYY-MM-DD): Orthodox Easter, declared days off. */
  holidays: string[];
}

export const DEFAULT_PETITION_SETTINGS: PetitionSettings = {
  considerationDays: 30,
  registrationWorkingDays: 3,
  maxOpenDays: 90,
  holidays: [],
};

export function petitionSettingsOf(municipality: Municipality | null): PetitionSettings {
  const raw = (municipality?.settings?.petitions ?? {}) as Partial<PetitionSettings>;
  const positive = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
  return {
    considerationDays: positive(raw.considerationDays, DEFAULT_PETITION_SETTINGS.considerationDays),
    registrationWorkingDays: positive(
      raw.registrationWorkingDays,
      DEFAULT_PETITION_SETTINGS.registrationWorkingDays,
    ),
    maxOpenDays: positive(raw.maxOpenDays, DEFAULT_PETITION_SETTINGS.maxOpenDays),
    holidays: Array.isArray(raw.holidays)
      ? raw.holidays.filter(
          (day): day is string => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day),
        )
      : [],
  };
}
