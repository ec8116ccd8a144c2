import { Injectable } from '@nestjs/common';
import { HomeSection, HomeSectionProvider, PageContext, pickText, ProgressBar } from '@chartuloba/platform';
import { PetitionsService } from '../services/petitions.service';

/** The home page's block: the open petitions with the most signatures. */
@Injectable()
@HomeSectionProvider(10)
export class PetitionsHomeSection implements HomeSection {
  constructor(private readonly petitions: PetitionsService) {}

  async renderHome(ctx: PageContext) {
    const { items } = await this.petitions.list('open', 'signatures', 1, 3);
    if (items.length === 0) {
      return null;
    }
    return (
      <section aria-labelledby="home-petitions">
        <h2 id="home-petitions">{ctx.t('petitions.home.title')}</h2>
        <ul class="cards">
          {items.map((petition) => (
            <li class="card" key={petition.id}>
              <a href={`/petitions/${petition.id}`}>{pickText(petition.title, ctx.locale)}</a>
              {petition.threshold ? (
                <>
                  <ProgressBar
                    value={petition.signatures}
                    max={petition.threshold}
                    label={ctx.t('petitions.home.progress', {
                      count: petition.signatures,
                      threshold: petition.threshold,
                    })}
                  />
                  <p class="muted">
                    {ctx.t('petitions.home.progress', {
                      count: petition.signatures,
                      threshold: petition.threshold,
                    })}
                  </p>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          <a href="/petitions">{ctx.t('petitions.home.all')}</a>
        </p>
      </section>
    );
  }
}
