import { Injectable } from '@nestjs/common';
import { Actor, DemoSeed, DemoSeeder, MunicipalityService } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { tbilisiDate } from '../domain/deadlines';
import { CouncilsRepository } from '../repositories/councils.repository';
import { BodiesService } from './bodies.service';
import { DEMO_BODIES, DEMO_SPEAK_REQUEST } from './councils-demo.bodies';
import { demoRoadPlan, demoSignedMinutes } from './councils-demo.papers';
import { DEMO_HALL, DEMO_PAST_SESSIONS } from './councils-demo.sessions';
import { DocumentsService } from './documents.service';
import { ReportsService } from './reports.service';
import { SessionsService } from './sessions.service';

const DAY = 24 * 60 * 60 * 1000;

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
    for (const demo of DEMO_BODIES) {
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
      speakRequest: DEMO_SPEAK_REQUEST,
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
    for (const demo of DEMO_PAST_SESSIONS) {
      const bodyId = ids[demo.body];
      if (!bodyId) {
        continue;
      }
      const startsAt = at(demo.days);
      const session = await this.sessions.create(actor, bodyId, {
        title: demo.title,
        place: demo.place,
        startsAt: startsAt.toISOString(),
        fieldSettlementId: demo.inVillage ? village?.id : undefined,
      });
      await this.sessions.addAgendaItem(actor, session.id, { title: demo.title });
      await this.sessions.announce(actor, session.id, new Date(startsAt.getTime() - 7 * DAY));
      const day = tbilisiDate(startsAt);
      if (demo.papers) {
        await this.documents.add(actor, session.id, demoRoadPlan(day));
      }
      const members = await this.repo.members(bodyId);
      await this.sessions.publishMinutes(
        actor,
        session.id,
        { text: demo.minutes, presentMemberIds: members.slice(0, -1).map((m) => m.id) },
        new Date(startsAt.getTime() + 3 * DAY),
        demo.papers ? demoSignedMinutes(day) : undefined,
      );
    }
    if (ids.sakrebulo) {
      const upcoming = await this.sessions.create(actor, ids.sakrebulo, {
        title: {
          ka: 'საკრებულოს სხდომა: 2026 წლის ბიუჯეტი',
          az: 'Sakrebulo iclası: 2026-cı il büdcəsi',
          en: 'Sakrebulo session: the 2026 budget',
        },
        place: DEMO_HALL,
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
