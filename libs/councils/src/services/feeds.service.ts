import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, I18nService, Locale, pickText } from '@chartuloba/platform';
import { buildAtom, AtomEntry } from '../feeds/atom';
import { buildCalendar } from '../feeds/ical';
import { CouncilsReadService, SessionSummary } from './councils-read.service';

const TWO_HOURS = 2 * 60 * 60 * 1000;

/** The iCalendar feeds (per body and for all) and the Atom feed of announcements and minutes. */
@Injectable()
export class FeedsService {
  constructor(
    private readonly read: CouncilsReadService,
    private readonly i18n: I18nService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Announced and held sessions only: a planned session is not public yet. */
  async calendar(locale: Locale, bodyId?: string): Promise<string> {
    const sessions = (await this.read.sessions(bodyId ? [bodyId] : undefined)).filter(
      ({ session }) =>
        session.announcedAt !== null || session.status === 'held' || session.status === 'cancelled',
    );
    const bodies = await this.read.bodies();
    const name = bodyId
      ? pickText(bodies.find((b) => b.id === bodyId)?.name, locale)
      : this.i18n.t(locale, 'councils.feed.all-title');
    return buildCalendar(
      name,
      sessions.map(({ session, body, settlement }) => ({
        uid: `${session.id}@councils.chartuloba`,
        start: session.startsAt,
        end: session.endsAt ?? new Date(session.startsAt.getTime() + TWO_HOURS),
        summary: `${pickText(body.name, locale)}: ${pickText(session.title, locale)}`,
        location: [pickText(session.place, locale), settlement ? pickText(settlement.name, locale) : '']
          .filter(Boolean)
          .join(', '),
        description: this.i18n.t(locale, 'councils.session.public-notice'),
        url: this.url(`/councils/sessions/${session.id}`),
        status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        updated: session.minutesPublishedAt ?? session.announcedAt ?? session.createdAt,
      })),
    );
  }

  async atom(locale: Locale): Promise<string> {
    const sessions = await this.read.sessions();
    const entries: AtomEntry[] = [];
    for (const summary of sessions) {
      entries.push(...this.entriesOf(summary, locale));
    }
    entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
    return buildAtom({
      id: this.url('/councils/feed.atom'),
      title: this.i18n.t(locale, 'councils.feed.atom-title'),
      selfUrl: this.url('/councils/feed.atom'),
      siteUrl: this.url('/councils'),
      lang: locale,
      entries: entries.slice(0, 100),
    });
  }

  private entriesOf({ session, body }: SessionSummary, locale: Locale): AtomEntry[] {
    const title = `${pickText(body.name, locale)}: ${pickText(session.title, locale)}`;
    const link = this.url(`/councils/sessions/${session.id}`);
    const when = this.i18n.formatDate(locale, session.startsAt, 'datetime');
    const entries: AtomEntry[] = [];
    if (session.announcedAt) {
      entries.push({
        id: `urn:chartuloba:councils:announcement:${session.id}`,
        title: this.i18n.t(locale, 'councils.feed.announcement', { title }),
        updated: session.announcedAt,
        link,
        summary: `${when} · ${pickText(session.place, locale)}`,
        category: 'announcement',
      });
    }
    if (session.minutesPublishedAt) {
      entries.push({
        id: `urn:chartuloba:councils:minutes:${session.id}`,
        title: this.i18n.t(locale, 'councils.feed.minutes', { title }),
        updated: session.minutesPublishedAt,
        link,
        summary: pickText(session.minutesText, locale).slice(0, 500),
        category: 'minutes',
      });
    }
    return entries;
  }

  private url(path: string): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}${path}`;
  }
}
