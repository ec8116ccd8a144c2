import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { Actor, DemoSeed, DemoSeeder, LocalizedText, MunicipalityService } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { pabulibDir } from '../pabulib/pb-file.reader';
import { CyclesRepository } from '../repositories/cycles.repository';
import { BudgetingDemoFiles } from './budgeting-demo.files';
import { BudgetingDemoHistory } from './budgeting-demo.history';
import { CyclesService } from './cycles.service';
import { PbExchangeService } from './pb-exchange.service';

const TITLE_EN = 'Dmanisi participatory budget 2025';
const DAY = 86_400_000;

interface DemoProject {
  village: string;
  title: LocalizedText;
  description: LocalizedText;
  category: string;
  cost: number;
  location: string;
}

const PROJECTS: DemoProject[] = [
  {
    village: 'irganchai',
    title: { ka: 'სასმელი წყლის ახალი მილი', az: 'Yeni içməli su borusu', en: 'New drinking-water pipe' },
    description: {
      ka: 'ძველი მილის შეცვლა სოფლის ზედა უბანში, სადაც ზაფხულში წყალი წყდება.',
      az: 'Yayda suyun kəsildiyi kəndin yuxarı məhəlləsində köhnə borunun dəyişdirilməsi.',
      en: 'Replacing the old pipe in the upper quarter, where water stops every summer.',
    },
    category: 'water',
    cost: 38_000,
    location: 'Upper quarter, near the mosque',
  },
  {
    village: 'irganchai',
    title: { ka: 'საბავშვო მოედანი', az: 'Uşaq meydançası', en: 'Children’s playground' },
    description: {
      ka: 'სათამაშო მოედანი სკოლის გვერდით.',
      az: 'Məktəbin yanında oyun meydançası.',
      en: 'A playground beside the school.',
    },
    category: 'youth',
    cost: 22_000,
    location: 'School yard',
  },
  {
    village: 'irganchai',
    title: { ka: 'ქუჩის განათება', az: 'Küçə işıqlandırması', en: 'Street lighting' },
    description: {
      ka: 'მზის ენერგიაზე მომუშავე 20 სანათი მთავარ ქუჩაზე.',
      az: 'Əsas küçədə günəş enerjisi ilə işləyən 20 lampa.',
      en: 'Twenty solar street lamps along the main street.',
    },
    category: 'roads',
    cost: 25_000,
    location: 'Main street',
  },
  {
    village: 'kamarlo',
    title: {
      ka: 'გზის შეკეთება სასაფლაომდე',
      az: 'Qəbiristanlığa gedən yolun təmiri',
      en: 'Road repair to the cemetery',
    },
    description: {
      ka: 'ორმოების შევსება და ხრეშის დაყრა 1,2 კმ-ზე.',
      az: '1,2 km yolda çuxurların doldurulması və çınqıl döşənməsi.',
      en: 'Filling potholes and gravelling 1.2 km.',
    },
    category: 'roads',
    cost: 30_000,
    location: 'Cemetery road',
  },
  {
    village: 'kamarlo',
    title: { ka: 'სპორტული დარბაზის სახურავი', az: 'İdman zalının damı', en: 'Sports hall roof' },
    description: {
      ka: 'სკოლის სპორტული დარბაზის გაჟონვადი სახურავის შეკეთება.',
      az: 'Məktəbin idman zalının axan damının təmiri.',
      en: 'Fixing the leaking roof of the school sports hall.',
    },
    category: 'youth',
    cost: 27_000,
    location: 'School',
  },
  {
    village: 'saparlo',
    title: {
      ka: 'საირიგაციო არხის გაწმენდა',
      az: 'Suvarma kanalının təmizlənməsi',
      en: 'Clearing the irrigation canal',
    },
    description: {
      ka: 'არხის გაწმენდა და ორი ფარის შეცვლა.',
      az: 'Kanalın təmizlənməsi və iki şlüzün dəyişdirilməsi.',
      en: 'Clearing the canal and replacing two sluice gates.',
    },
    category: 'water',
    cost: 18_000,
    location: 'East fields',
  },
  {
    village: 'dmanisi',
    title: { ka: 'ავტობუსის გაჩერებები', az: 'Avtobus dayanacaqları', en: 'Bus shelters' },
    description: {
      ka: 'ხუთი დახურული გაჩერება სოფლების მიმართულებით.',
      az: 'Kəndlərə gedən yolda beş örtülü dayanacaq.',
      en: 'Five covered bus shelters on the roads to the villages.',
    },
    category: 'roads',
    cost: 45_000,
    location: 'Town centre and village roads',
  },
];

/**
 * A 2025 Dmanisi cycle in its voting phase, a finished 2024 one with its implementation record, a 2026 one
 * collecting proposals (one with residents' comments) and,
 * when the sample folder is there, one small Pabulib election.
 */
@Injectable()
@DemoSeed(120)
export class BudgetingDemoSeed implements DemoSeeder {
  private readonly logger = new Logger(BudgetingDemoSeed.name);

  constructor(
    private readonly cycles: CyclesService,
    private readonly repository: CyclesRepository,
    private readonly municipality: MunicipalityService,
    private readonly identity: IdentityFacade,
    private readonly pb: PbExchangeService,
    private readonly history: BudgetingDemoHistory,
    private readonly demoFiles: BudgetingDemoFiles,
  ) {}

  async seedDemo(): Promise<void> {
    if ((await this.repository.listCycles()).some((c) => c.title.en === TITLE_EN)) {
      return;
    }
    const staff = (await this.identity.accountsWithRole('staff'))[0];
    if (!staff || !(await this.municipality.exists())) {
      return;
    }
    const actor: Actor = { id: staff.id, label: staff.displayName, roles: ['staff'] };
    const settlements = await this.municipality.settlements();
    const bySlug = new Map(settlements.map((s) => [s.slug, s]));
    const villages = ['irganchai', 'kamarlo', 'saparlo'].filter((slug) => bySlug.has(slug));
    const cycle = await this.cycles.create(actor, {
      title: {
        ka: 'დმანისის მონაწილეობითი ბიუჯეტი 2025',
        az: 'Dmanisi iştiraklı büdcəsi 2025',
        en: TITLE_EN,
      },
      rules: {
        ka: 'ხმის მიცემა შეუძლია 16 წლის და უფროს დადასტურებულ მაცხოვრებელს. თითოეული მაცხოვრებელი ირჩევს პროექტებს თავისი სოფლის ბიუჯეტის ფარგლებში და მთელი მუნიციპალიტეტის ფონდში.',
        az: '16 yaşdan yuxarı təsdiqlənmiş sakinlər səs verə bilər. Hər sakin öz kəndinin büdcəsi daxilində və bütün bələdiyyə fondunda layihələr seçir.',
        en: 'Verified residents aged 16 and over may vote. Each resident chooses projects within their village’s budget and in the municipality-wide pot.',
      },
      totalBudget: 200_000,
      districtBudgets: villages.map((slug) => ({ settlementId: bySlug.get(slug)!.id, budget: 50_000 })),
      municipalBudget: 50_000,
      maxProjectCost: 50_000,
      categories: [
        { key: 'water', name: { ka: 'წყალი', az: 'Su', en: 'Water' } },
        { key: 'roads', name: { ka: 'გზები', az: 'Yollar', en: 'Roads' } },
        { key: 'youth', name: { ka: 'ახალგაზრდობა', az: 'Gənclər', en: 'Youth' } },
      ],
      proposeRequiresResident: true,
      minVoterAge: 16,
      ballotType: 'knapsack',
      ballotK: null,
      ballotPoints: null,
      outcomeRule: 'greedy',
      minScore: null,
      tieBreak: 'cheaper-first',
      needsCouncil: false,
      // Dates around the day the demo is seeded, so the demo cycle is open to vote whenever it is tried.
      proposalsFrom: new Date(Date.now() - 120 * DAY),
      reviewFrom: new Date(Date.now() - 60 * DAY),
      votingFrom: new Date(Date.now() - DAY),
      votingUntil: new Date(Date.now() + 60 * DAY),
    });
    const districts = await this.repository.districts(cycle.id);
    for (const project of PROJECTS) {
      const settlementId = project.village === 'dmanisi' ? null : bySlug.get(project.village)?.id;
      const district = districts.find((d) => d.settlementId === (settlementId ?? null));
      if (!district || settlementId === undefined) {
        continue;
      }
      await this.repository.insertProject({
        cycleId: cycle.id,
        districtId: district.id,
        authorId: null,
        title: project.title,
        description: project.description,
        category: project.category,
        location: project.location,
        estimatedCost: project.cost,
        status: 'shortlisted',
      });
    }
    await this.repository.setPhase(cycle.id, 'voting');
    const completed = await this.history.seedCompleted2024(actor, bySlug);
    const proposal = await this.history.seedProposals2026(actor, bySlug);
    await this.demoFiles.seed(actor, completed, proposal);
    await this.importResearchSample(actor);
  }

  private async importResearchSample(actor: Actor): Promise<void> {
    let file: string | undefined;
    try {
      file = path.join(pabulibDir(), 'Poland_Warszawa_2019_Zacisze.pb');
    } catch {
      file = undefined;
    }
    if (!file || !existsSync(file)) {
      this.logger.log('no Pabulib sample folder: the research cycle is not seeded');
      return;
    }
    await this.pb.import(actor, await readFile(file, 'utf8'));
  }
}
