import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { orderedProviders } from '../discovery/ordered-providers';
import type { VNode } from 'preact';
import type { PageContext } from './page-context';

/** A lib's block on the home page (open petitions, the next council session, the budget vote). */
export interface HomeSection {
  /** Null when the lib has nothing to show right now. */
  renderHome(ctx: PageContext): Promise<VNode | null>;
}

const HOME_SECTION = 'chartuloba:home-section';
export const HomeSectionProvider = (order: number) => SetMetadata(HOME_SECTION, order);

/** Collects every lib's @HomeSectionProvider in order, so the home page shows a living portal without knowing the libs. */
@Injectable()
export class HomeSections {
  private sections?: HomeSection[];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  async render(ctx: PageContext): Promise<VNode[]> {
    this.sections ??= orderedProviders<HomeSection>(this.discovery, this.reflector, HOME_SECTION).map(
      (entry) => entry.instance,
    );
    const rendered = await Promise.all(this.sections.map((section) => section.renderHome(ctx)));
    return rendered.filter((node): node is VNode => node !== null);
  }
}
