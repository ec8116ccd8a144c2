import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, Settlement } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { BallotsRepository } from '../repositories/ballots.repository';
import { CommentsRepository } from '../repositories/comments.repository';
import { CyclesRepository } from '../repositories/cycles.repository';
import { PROJECTS_2024 } from './budgeting-demo.data';
import { CyclesService, type CreateCycleInput } from './cycles.service';
import { receiptOf } from './receipts';

const DAY = 86_400_000;

/** The rules both demo cycles share: approval voting, greedy by votes, residents 16 and over. */
const DEMO_RULES: Omit<
  CreateCycleInput,
  | 'title'
  | 'rules'
  | 'totalBudget'
  | 'districtBudgets'
  | 'proposalsFrom'
  | 'reviewFrom'
  | 'votingFrom'
  | 'votingUntil'
> = {
  maxProjectCost: null,
  categories: [],
  proposeRequiresResident: true,
  minVoterAge: 16,
  ballotType: 'approval',
  ballotK: null,
  ballotPoints: null,
  outcomeRule: 'greedy',
  minScore: null,
  tieBreak: 'cheaper-first',
  needsCouncil: false,
};

/** The demo's past and future around the 2025 cycle: a finished 2024 cycle and a 2026 one collecting proposals. */
@Injectable()
export class BudgetingDemoHistory {
  constructor(
    private readonly cycles: CyclesService,
    private readonly repository: CyclesRepository,
    private readonly ballots: BallotsRepository,
    private readonly comments: CommentsRepository,
    private readonly identity: IdentityFacade,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns the update that completed the first 2024 project (the demo gives it a photo), if seeded. */
  async seedCompleted2024(actor: Actor, bySlug: Map<string, Settlement>): Promise<string | undefined> {
    const budgets = { mashavera: 30_000, dmanisi: 40_000 };
    const cycle = await this.cycles.create(actor, {
      title: {
        ka: 'დმანისის მონაწილეობითი ბიუჯეტი 2024',
        az: 'Dmanisi iştiraklı büdcəsi 2024',
        en: 'Dmanisi participatory budget 2024',
      },
      rules: {
        ka: 'ხმას აძლევდნენ 16 წლის და უფროსი დადასტურებული მაცხოვრებლები.',
        az: '16 yaşdan yuxarı təsdiqlənmiş sakinlər səs verirdi.',
        en: 'Verified residents aged 16 and over voted.',
      },
      totalBudget: budgets.mashavera + budgets.dmanisi,
      districtBudgets: Object.entries(budgets)
        .filter(([slug]) => bySlug.has(slug))
        .map(([slug, budget]) => ({ settlementId: bySlug.get(slug)!.id, budget })),
      ...DEMO_RULES,
      proposalsFrom: new Date('2024-03-01T09:00:00+04:00'),
      reviewFrom: new Date('2024-04-15T09:00:00+04:00'),
      votingFrom: new Date('2024-06-01T09:00:00+04:00'),
      votingUntil: new Date('2024-06-30T20:00:00+04:00'),
    });
    const districts = await this.repository.districts(cycle.id);
    const ids: string[] = [];
    for (const project of PROJECTS_2024) {
      const district = districts.find((d) => d.settlementId === bySlug.get(project.village)?.id);
      if (!district) {
        ids.push('');
        continue;
      }
      const id = await this.repository.insertProject({
        cycleId: cycle.id,
        districtId: district.id,
        authorId: null,
        title: project.title,
        description: project.description,
        category: null,
        location: null,
        estimatedCost: project.cost,
        status: 'shortlisted',
      });
      ids.push(id);
      // Ballots of made-up voters, one project each, so the tally has something to count.
      for (let i = 0; i < project.votes; i += 1) {
        const ballotId = randomUUID();
        await this.ballots.upsertOnline({
          id: ballotId,
          cycleId: cycle.id,
          districtId: district.id,
          residentKey: `demo-2024:${id}:${i}`,
          projects: [id],
          points: null,
          receipt: receiptOf(this.config.appSecret, ballotId),
        });
      }
    }
    await this.repository.setPhase(cycle.id, 'voting');
    await this.cycles.advance(actor, cycle.id);
    await this.cycles.advance(actor, cycle.id);
    let completed: string | undefined;
    for (const [i, project] of PROJECTS_2024.entries()) {
      for (const update of project.updates) {
        const updateId = await this.repository.addUpdate({
          projectId: ids[i]!,
          status: update.status,
          progress: update.progress,
          spent: update.spent,
          note: update.note,
          createdAt: new Date(update.at),
        });
        completed ??= update.status === 'completed' ? updateId : undefined;
      }
    }
    return completed;
  }

  /** Returns the fountain proposal (the demo attaches its cost quote), if seeded. */
  async seedProposals2026(actor: Actor, bySlug: Map<string, Settlement>): Promise<string | undefined> {
    const kamarlo = bySlug.get('kamarlo');
    const mashavera = bySlug.get('mashavera');
    if (!kamarlo || !mashavera) {
      return;
    }
    const now = Date.now();
    const cycle = await this.cycles.create(actor, {
      title: {
        ka: 'დმანისის მონაწილეობითი ბიუჯეტი 2026',
        az: 'Dmanisi iştiraklı büdcəsi 2026',
        en: 'Dmanisi participatory budget 2026',
      },
      rules: {
        ka: 'წინადადებებს იღებთ ყველა დადასტურებული მაცხოვრებლისგან; მუნიციპალიტეტი თითოეულს განიხილავს.',
        az: 'Bütün təsdiqlənmiş sakinlərdən təkliflər qəbul edilir; bələdiyyə hər birini nəzərdən keçirir.',
        en: 'Every verified resident may propose; the municipality reviews each proposal.',
      },
      totalBudget: 60_000,
      districtBudgets: [
        { settlementId: kamarlo.id, budget: 30_000 },
        { settlementId: mashavera.id, budget: 30_000 },
      ],
      ...DEMO_RULES,
      proposalsFrom: new Date(now - 14 * DAY),
      reviewFrom: new Date(now + 30 * DAY),
      votingFrom: new Date(now + 60 * DAY),
      votingUntil: new Date(now + 90 * DAY),
    });
    const districts = await this.repository.districts(cycle.id);
    const districtOf = (settlementId: string) => districts.find((d) => d.settlementId === settlementId)!.id;
    const fountain = await this.repository.insertProject({
      cycleId: cycle.id,
      districtId: districtOf(kamarlo.id),
      authorId: null,
      title: {
        ka: 'სასმელი წყლის შადრევანი სკოლასთან',
        az: 'Məktəbin yanında içməli su bulağı',
        en: 'Drinking fountain at the school',
      },
      description: {
        ka: 'ბავშვებს სკოლაში სასმელი წყალი სახლიდან მოაქვთ.',
        az: 'Uşaqlar məktəbə içməli suyu evdən gətirirlər.',
        en: 'Children bring drinking water to school from home.',
      },
      category: null,
      location: 'ყამარლოს საჯარო სკოლა',
      estimatedCost: 6_000,
    });
    await this.repository.insertProject({
      cycleId: cycle.id,
      districtId: districtOf(mashavera.id),
      authorId: null,
      title: {
        ka: 'გადახურული ბაზრის დახლები',
        az: 'Örtülü bazar piştaxtaları',
        en: 'Covered market stalls',
      },
      description: {
        ka: 'ათი გადახურული დახლი ფერმერებისთვის შაბათის ბაზრობაზე.',
        az: 'Şənbə bazarında fermerlər üçün on örtülü piştaxta.',
        en: 'Ten covered stalls for farmers at the Saturday market.',
      },
      category: null,
      location: 'Mashavera, by the bridge',
      estimatedCost: 14_000,
    });
    const [first, second] = await this.identity.accountsWithRole('citizen');
    const comments: [typeof first, string][] = [
      [first, 'Qış üçün də lazımdır: kran donmasın deyə örtülü olsun.'],
      [second, 'კარგი იდეაა. შადრევანი ეზოში სპორტული მოედნის გვერდით დადგით.'],
    ];
    for (const [author, body] of comments) {
      if (author) {
        await this.comments.insert(fountain, author.id, author.displayName, body);
      }
    }
    return fountain;
  }
}
