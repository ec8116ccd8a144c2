import { Injectable } from '@nestjs/common';
import { HomeSection, HomeSectionProvider, PageContext, pickText } from '@chartuloba/platform';
import { CouncilsReadService } from '../services/councils-read.service';

/** The home page's block: the next announced council sessions, which anyone may attend. */
@Injectable()
@HomeSectionProvider(20)
export class CouncilsHomeSection implements HomeSection {
  constructor(private readonly councils: CouncilsReadService) {}

  async renderHome(ctx: PageContext) {
    const now = new Date();
    const upcoming = (await this.councils.sessions(undefined, now))
      .filter(
        ({ session }) => session.announcedAt && session.status !== 'cancelled' && session.startsAt > now,
      )
      .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
      .slice(0, 3);
    if (upcoming.length === 0) {
      return null;
    }
    return (
      <section aria-labelledby="home-councils">
        <h2 id="home-councils">{ctx.t('councils.home.title')}</h2>
        <ul class="cards">
          {upcoming.map(({ session, body }) => (
            <li class="card" key={session.id}>
              <a href={`/councils/sessions/${session.id}`}>{pickText(session.title, ctx.locale)}</a>
              <p class="muted">
                {pickText(body.name, ctx.locale)} ·{' '}
                {ctx.i18n.formatDate(ctx.locale, session.startsAt, 'datetime')}
              </p>
            </li>
          ))}
        </ul>
        <p>
          <a href="/councils">{ctx.t('councils.home.all')}</a>
        </p>
      </section>
    );
  }
}
