import { Injectable } from '@nestjs/common';
import { Actor, DemoSeed, DemoSeeder, LocalizedText, MunicipalityService } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { tbilisiDate } from '../domain/deadlines';
import type { BodyKind, MemberRole } from '../entities/councils.entities';
import { CouncilsRepository } from '../repositories/councils.repository';
import { BodiesService } from './bodies.service';
import { demoRoadPlan, demoSignedMinutes } from './councils-demo.papers';
import { DocumentsService } from './documents.service';
import { ReportsService } from './reports.service';
import { SessionsService } from './sessions.service';

const DAY = 24 * 60 * 60 * 1000;

interface DemoBody {
  slug: string;
  kind: BodyKind;
  name: LocalizedText;
  description: LocalizedText;
  members: Array<[string, MemberRole]>;
}

const BODIES: DemoBody[] = [
  {
    slug: 'sakrebulo',
    kind: 'sakrebulo',
    name: {
      ka: 'დმანისის მუნიციპალიტეტის საკრებულო',
      az: 'Dmanisi Bələdiyyə Şurası (Sakrebulo)',
      en: 'Dmanisi Municipal Council (Sakrebulo)',
    },
    description: {
      ka: 'მუნიციპალიტეტის წარმომადგენლობითი ორგანო.',
      az: 'Bələdiyyənin nümayəndəli orqanı.',
      en: 'The municipality’s elected representative body.',
    },
    members: [
      ['Levan Kapanadze', 'chair'],
      ['Maia Gelashvili', 'secretary'],
      ['Elnur Mammadov', 'member'],
      ['Giorgi Beridze', 'member'],
      ['Samira Aliyeva', 'member'],
      ['Zurab Tsiklauri', 'member'],
    ],
  },
  {
    slug: 'finance-commission',
    kind: 'commission',
    name: {
      ka: 'საფინანსო-საბიუჯეტო კომისია',
      az: 'Maliyyə-büdcə komissiyası',
      en: 'Finance and Budget Commission',
    },
    description: {
      ka: 'საკრებულოს კომისია.',
      az: 'Sakrebulonun komissiyası.',
      en: 'A standing commission of the Sakrebulo.',
    },
    members: [
      ['Giorgi Beridze', 'chair'],
      ['Elnur Mammadov', 'member'],
      ['Zurab Tsiklauri', 'secretary'],
    ],
  },
  {
    slug: 'mayor-advisory-council',
    kind: 'mayor-advisory',
    name: {
      ka: 'მერის სამოქალაქო მრჩეველთა საბჭო',
      az: 'Merin vətəndaş məşvərət şurası',
      en: 'Mayor’s Civil Advisory Council',
    },
    description: {
      ka: 'სამოქალაქო საზოგადოების წარმომადგენლები, რომლებიც მერს რჩევას აძლევენ.',
      az: 'Merə məsləhət verən vətəndaş cəmiyyəti nümayəndələri.',
      en: 'Civil society representatives who advise the Mayor.',
    },
    members: [
      ['Nino Lomidze', 'chair'],
      ['Rashad Huseynov', 'member'],
      ['Tea Jgharkava', 'member'],
    ],
  },
  {
    slug: 'gender-equality-council',
    kind: 'gender-equality',
    name: {
      ka: 'გენდერული თანასწორობის საბჭო',
      az: 'Gender bərabərliyi şurası',
      en: 'Gender Equality Council',
    },
    description: {
      ka: 'საკრებულოსთან არსებული საბჭო.',
      az: 'Sakrebulo yanında şura.',
      en: 'The council on gender equality at the Sakrebulo.',
    },
    members: [
      ['Samira Aliyeva', 'chair'],
      ['Ketevan Maisuradze', 'secretary'],
      ['Aynur Ismayilova', 'member'],
    ],
  },
  {
    slug: 'youth-council',
    kind: 'youth',
    name: { ka: 'ახალგაზრდული საბჭო', az: 'Gənclər şurası', en: 'Youth Council' },
    description: { ka: 'დმანისელი ახალგაზრდები.', az: 'Dmanisili gənclər.', en: 'Young people of Dmanisi.' },
    members: [
      ['Luka Natsvlishvili', 'chair'],
      ['Ayan Guliyeva', 'secretary'],
      ['Davit Kharaishvili', 'member'],
    ],
  },
];

/** The four kinds of bodies with members, past sessions with minutes (one in a village), an announced one. */
@Injectable()
@DemoSeed(100)
export class CouncilsDemoSeed implements DemoSeeder {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly bodies: BodiesService,
    private readonly sessions: SessionsService,
    private readonly documents: DocumentsService,
    private readonly reports: ReportsService,
    private readonly identity: IdentityFacade,
    private readonly municipality: MunicipalityService,
  ) {}

  async seedDemo(): Promise<void> {
    if (await this.repo.bodyBySlug('sakrebulo')) {
      return;
    }
    const staff = (await this.identity.accountsWithRole('staff'))[0];
    if (!staff) {
      return;
    }
    const actor: Actor = { id: staff.id, label: staff.displayName, roles: ['staff'] };
    const council = (await this.identity.accountsWithRole('council_member'))[0];
    const now = new Date();
    const year = Number(tbilisiDate(now).slice(0, 4));
    const termStart = `${year - 1}-01-01`;
    const ids: Record<string, string> = {};
    for (const demo of BODIES) {
      const body = await this.bodies.create(actor, {
        slug: demo.slug,
        kind: demo.kind,
        name: demo.name,
        description: demo.description,
        parentId: demo.kind === 'commission' ? ids.sakrebulo : undefined,
      });
      ids[demo.slug] = body.id;
      for (const [name, role] of demo.members) {
        await this.bodies.addMember(actor, body.id, { name, role, termStart });
      }
      if (council && (demo.slug === 'sakrebulo' || demo.slug === 'mayor-advisory-council')) {
        await this.bodies.addMember(actor, body.id, {
          name: council.displayName,
          userId: council.id,
          role: demo.slug === 'sakrebulo' ? 'member' : 'secretary',
          termStart,
        });
      }
    }
    await this.bodies.updateSettings(actor, ids.sakrebulo ?? '', {
      regulationsUrl: 'https://matsne.gov.ge/ka/document/view/2244429',
      speakRequest: {
        ka: 'სიტყვის სათხოვნელად დარეკეთ საკრებულოს აპარატში ან მიმართეთ მდივანს სხდომის დაწყებამდე.',
        az: 'Söz istəmək üçün Sakrebulo aparatına zəng edin və ya iclasdan əvvəl katibə müraciət edin.',
        en: 'To ask to speak, call the Sakrebulo office or tell the secretary before the session starts.',
      },
    });
    await this.seedSessions(actor, ids, now);
    await this.seedRecommendations(actor, ids, now);
    await this.reports.create(actor, ids.sakrebulo ?? '', {
      kind: 'mayor-public',
      year,
      presenter: 'Mayor of Dmanisi',
      title: {
        ka: 'მერის წლიური საჯარო ანგარიში',
        az: 'Merin illik açıq hesabatı',
        en: 'The Mayor’s yearly public report',
      },
      scheduledAt: new Date(now.getTime() + 20 * DAY).toISOString(),
      place: {
        ka: 'დმანისის კულტურის ცენტრი',
        az: 'Dmanisi Mədəniyyət Mərkəzi',
        en: 'Dmanisi Culture Centre',
      },
      announce: true,
    });
  }

  private async seedSessions(actor: Actor, ids: Record<string, string>, now: Date): Promise<void> {
    const village = (await this.municipality.settlements()).find((s) => s.kind === 'village');
    const at = (days: number) =>
      new Date(Math.floor((now.getTime() + days * DAY) / DAY) * DAY + 7 * 60 * 60 * 1000);
    const hall: LocalizedText = {
      ka: 'საკრებულოს სხდომათა დარბაზი, დმანისი',
      az: 'Sakrebulo iclas zalı, Dmanisi',
      en: 'Sakrebulo session hall, Dmanisi',
    };
    const past = [
      {
        body: ids.sakrebulo,
        days: -60,
        title: {
          ka: 'საკრებულოს რიგითი სხდომა',
          az: 'Sakrebulonun növbəti iclası',
          en: 'Regular session of the Sakrebulo',
        },
        place: hall,
        village: undefined as string | undefined,
        papers: true,
        minutes: {
          ka: 'დაესწრო 6 წევრი. განხილულ იქნა სოფლის გზების შეკეთების გეგმა და მიღებულ იქნა.',
          az: '6 üzv iştirak edib. Kənd yollarının təmiri planı müzakirə edilib və qəbul olunub.',
          en: 'Six members attended. The village road repair plan was discussed and adopted.',
        },
      },
      {
        body: ids.sakrebulo,
        days: -25,
        title: {
          ka: 'საკრებულოს გასვლითი სხდომა',
          az: 'Sakrebulonun səyyar iclası',
          en: 'Field session of the Sakrebulo',
        },
        place: { ka: 'სოფლის სკოლის დარბაზი', az: 'Kənd məktəbinin zalı', en: 'Village school hall' },
        village: village?.id,
        minutes: {
          ka: 'მოსახლეობამ დააყენა სასმელი წყლის საკითხი. საკრებულომ მერიას რეკომენდაცია მისცა.',
          az: 'Sakinlər içməli su məsələsini qaldırıb. Sakrebulo meriyaya tövsiyə verib.',
          en: 'Residents raised the drinking water supply. The Sakrebulo recommended action to the City Hall.',
        },
      },
      {
        body: ids['mayor-advisory-council'],
        days: -40,
        title: {
          ka: 'მრჩეველთა საბჭოს სხდომა',
          az: 'Məşvərət şurasının iclası',
          en: 'Advisory council meeting',
        },
        place: { ka: 'მერია, მე-2 სართული', az: 'Meriya, 2-ci mərtəbə', en: 'City Hall, 2nd floor' },
        village: undefined,
        minutes: {
          ka: 'განიხილეს მონაწილეობითი ბიუჯეტის წესები.',
          az: 'İştirakçı büdcə qaydaları müzakirə olunub.',
          en: 'The participatory budget rules were discussed.',
        },
      },
    ];
    for (const demo of past) {
      if (!demo.body) {
        continue;
      }
      const startsAt = at(demo.days);
      const session = await this.sessions.create(actor, demo.body, {
        title: demo.title,
        place: demo.place,
        startsAt: startsAt.toISOString(),
        fieldSettlementId: demo.village,
      });
      await this.sessions.addAgendaItem(actor, session.id, { title: demo.title });
      await this.sessions.announce(actor, session.id, new Date(startsAt.getTime() - 7 * DAY));
      const day = tbilisiDate(startsAt);
      if ('papers' in demo) {
        await this.documents.add(actor, session.id, demoRoadPlan(day));
      }
      const members = await this.repo.members(demo.body);
      await this.sessions.publishMinutes(
        actor,
        session.id,
        { text: demo.minutes, presentMemberIds: members.slice(0, -1).map((m) => m.id) },
        new Date(startsAt.getTime() + 3 * DAY),
        'papers' in demo ? demoSignedMinutes(day) : undefined,
      );
    }
    if (ids.sakrebulo) {
      const upcoming = await this.sessions.create(actor, ids.sakrebulo, {
        title: {
          ka: 'საკრებულოს სხდომა: 2026 წლის ბიუჯეტი',
          az: 'Sakrebulo iclası: 2026-cı il büdcəsi',
          en: 'Sakrebulo session: the 2026 budget',
        },
        place: hall,
        startsAt: at(10).toISOString(),
      });
      await this.sessions.addAgendaItem(actor, upcoming.id, {
        title: {
          ka: 'ბიუჯეტის პროექტის განხილვა',
          az: 'Büdcə layihəsinin müzakirəsi',
          en: 'Discussion of the draft budget',
        },
      });
      await this.sessions.announce(actor, upcoming.id, now);
    }
  }

  private async seedRecommendations(actor: Actor, ids: Record<string, string>, now: Date): Promise<void> {
    const body = ids['mayor-advisory-council'];
    if (!body) {
      return;
    }
    const daysAgo = (days: number) => tbilisiDate(new Date(now.getTime() - days * DAY));
    const answered = await this.bodies.addRecommendation(actor, body, {
      addressee: 'Mayor of Dmanisi',
      text: {
        ka: 'გამოქვეყნდეს საკრებულოს სხდომების განცხადებები აზერბაიჯანულ ენაზეც.',
        az: 'Sakrebulo iclaslarının elanları Azərbaycan dilində də dərc edilsin.',
        en: 'Publish Sakrebulo session announcements in Azerbaijani too.',
      },
      issuedOn: daysAgo(70),
      responsibleUnit: 'Public relations service',
    });
    await this.bodies.answerRecommendation(actor, answered.id, {
      status: 'implemented',
      answer: {
        ka: 'განცხადებები ქვეყნდება სამ ენაზე.',
        az: 'Elanlar üç dildə dərc olunur.',
        en: 'Announcements are now published in three languages.',
      },
      answeredOn: daysAgo(50),
    });
    await this.bodies.addRecommendation(actor, body, {
      addressee: 'Dmanisi City Hall',
      text: {
        ka: 'დაიგეგმოს სოფელ ირგანჩაიში სასმელი წყლის მილსადენის შეკეთება.',
        az: 'İrqançay kəndində içməli su xəttinin təmiri planlaşdırılsın.',
        en: 'Plan the repair of the drinking water pipe in Irganchai.',
      },
      issuedOn: daysAgo(45),
      responsibleUnit: 'Infrastructure service',
    });
  }
}
