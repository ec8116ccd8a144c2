import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  I18nService,
  Locale,
  MunicipalityService,
  pickText,
} from '@chartuloba/platform';
import { PUBLIC_STATUSES } from '../domain/lifecycle';
import { toPetitionResponse } from '../dto/petition-response';
import type { PetitionResponseDto } from '../dto/petitions.dto';
import { PetitionsRepository } from '../repositories/petitions.repository';

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Open data and feeds: petitions and their counts, never personal data beyond the initiator's name. */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly i18n: I18nService,
    private readonly municipalities: MunicipalityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async json(): Promise<PetitionResponseDto[]> {
    const all = await this.petitions.list({
      statuses: PUBLIC_STATUSES,
      sort: 'newest',
      limit: 10_000,
      offset: 0,
    });
    return all.items.map((p) => toPetitionResponse(p, p.signatures, this.config.publicUrl));
  }

  async csv(): Promise<string> {
    const header = [
      'id',
      'kind',
      'origin',
      'status',
      'title_ka',
      'title_az',
      'title_en',
      'signatures',
      'threshold',
      'registered_voters_basis',
      'basis_as_of',
      'opened_at',
      'closes_at',
      'registration_number',
      'registered_at',
      'consideration_due_at',
      'consideration_overdue',
      'answer_outcome',
      'answered_at',
      'url',
    ];
    const rows = (await this.json()).map((p) =>
      [
        p.id,
        p.kind,
        p.origin,
        p.status,
        p.title.ka,
        p.title.az,
        p.title.en,
        p.signatures,
        p.threshold,
        p.thresholdBasis?.registeredVoters,
        p.thresholdBasis?.asOf,
        p.openedAt,
        p.closesAt,
        p.registrationNumber,
        p.registeredAt,
        p.considerationDueAt,
        p.considerationOverdue,
        p.answerOutcome,
        p.answeredAt,
        p.url,
      ]
        .map(csvCell)
        .join(','),
    );
    return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
  }

  /** Atom feed of newly opened petitions and of answers, newest first. */
  async atom(locale: Locale): Promise<string> {
    const t = this.i18n.translator(locale);
    const municipality = await this.municipalities
      .current()
      .then((m) => pickText(m.name, locale))
      .catch(() => '');
    const all = await this.petitions.list({
      statuses: PUBLIC_STATUSES,
      sort: 'newest',
      limit: 100,
      offset: 0,
    });
    const entries = all.items.flatMap((p) => {
      const title = pickText(p.title, locale);
      const url = `${this.config.publicUrl}/petitions/${p.id}`;
      const list: Array<{ id: string; title: string; updated: Date; url: string; summary: string }> = [];
      if (p.openedAt) {
        list.push({
          id: `${url}#opened`,
          title: t('petitions.feed.opened', { title }),
          updated: p.openedAt,
          url,
          summary: pickText(p.body, locale).slice(0, 500),
        });
      }
      if (p.answeredAt) {
        list.push({
          id: `${url}#answered`,
          title: t('petitions.feed.answered', { title }),
          updated: p.answeredAt,
          url,
          summary: pickText(p.answerText, locale).slice(0, 500),
        });
      }
      return list;
    });
    entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
    const updated = (entries[0]?.updated ?? new Date(0)).toISOString();
    return [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
      `<title>${xml(t('petitions.feed.title', { municipality }))}</title>`,
      `<id>${xml(`${this.config.publicUrl}/petitions/feed.atom`)}</id>`,
      `<link rel="self" href="${xml(`${this.config.publicUrl}/petitions/feed.atom`)}"/>`,
      `<link href="${xml(`${this.config.publicUrl}/petitions`)}"/>`,
      `<updated>${updated}</updated>`,
      ...entries.map((e) =>
        [
          '<entry>',
          `<id>${xml(e.id)}</id>`,
          `<title>${xml(e.title)}</title>`,
          `<link href="${xml(e.url)}"/>`,
          `<updated>${e.updated.toISOString()}</updated>`,
          `<author><name>${xml(municipality || 'Chartuloba')}</name></author>`,
          `<summary>${xml(e.summary)}</summary>`,
          '</entry>',
        ].join(''),
      ),
      '</feed>',
    ].join('\n');
  }
}
