import { Injectable } from '@nestjs/common';
import { HomeSection, HomeSectionProvider, PageContext, pickText } from '@chartuloba/platform';
import { CyclesService } from '../services/cycles.service';

/** The home page's block: a participatory-budget cycle that takes proposals or votes now. */
@Injectable()
@HomeSectionProvider(30)
export class BudgetingHomeSection implements HomeSection {
  constructor(private readonly cycles: CyclesService) {}

  async renderHome(ctx: PageContext) {
    const active = (await this.cycles.list()).filter(
      (cycle) => cycle.phase === 'voting' || cycle.phase === 'proposals',
    );
    if (active.length === 0) {
      return null;
    }
    return (
      <section aria-labelledby="home-budgeting">
        <h2 id="home-budgeting">{ctx.t('budgeting.home.title')}</h2>
        <ul class="cards">
          {active.map((cycle) => (
            <li class="card" key={cycle.id}>
              <a href={`/budgeting/${cycle.id}`}>{pickText(cycle.title, ctx.locale)}</a>
              <p class="muted">
                {ctx.t(cycle.phase === 'voting' ? 'budgeting.home.voting' : 'budgeting.home.proposals')}
              </p>
            </li>
          ))}
        </ul>
      </section>
    );
  }
}
