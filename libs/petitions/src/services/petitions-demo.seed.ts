import { Injectable } from '@nestjs/common';
import { Actor, DemoSeed, DemoSeeder, MunicipalityService } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { PetitionsRepository } from '../repositories/petitions.repository';
import { ModerationService } from './moderation.service';
import { PaperService } from './paper.service';
import { PetitionsService } from './petitions.service';
import { SigningService } from './signing.service';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 4 * 3600_000).toISOString().slice(0, 10);
}

/** Dmanisi petitions in several states: one open near half its threshold, one registered, one answered. */
@Injectable()
@DemoSeed(110)
export class PetitionsDemoSeed implements DemoSeeder {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly service: PetitionsService,
    private readonly moderation: ModerationService,
    private readonly paper: PaperService,
    private readonly signing: SigningService,
    private readonly identity: IdentityFacade,
    private readonly municipalities: MunicipalityService,
  ) {}

  async seedDemo(): Promise<void> {
    if (await this.petitions.any()) {
      return;
    }
    const staffContact = (await this.identity.accountsWithRole('staff'))[0];
    const residentContact = (await this.identity.accountsWithRole('citizen')).find((a) =>
      a.email?.startsWith('resident@'),
    );
    if (!staffContact || !residentContact) {
      return;
    }
    const staff: Actor = {
      id: staffContact.id,
      label: staffContact.displayName,
      roles: ['citizen', 'staff'],
    };
    const resident: Actor = {
      id: residentContact.id,
      label: residentContact.displayName,
      roles: ['citizen'],
    };
    const settlements = await this.municipalities.settlements();
    const bySlug = (slug: string) => settlements.find((s) => s.slug === slug)?.id ?? settlements[0]?.id ?? '';

    // 1. Open, with signatures a little under half the threshold (201 of 20,013 voters → half is 101).
    const bus = await this.service.createDraft(resident, {
      kind: 'session-request',
      title: {
        ka: 'ავტობუსის რეგულარული მარშრუტი დმანისი–ირგანჩაი',
        az: 'Dmanisi–İrqançay müntəzəm avtobus marşrutu',
        en: 'A regular bus route Dmanisi–Irganchai',
      },
      body: {
        ka: 'ირგანჩაიდან დმანისამდე საზოგადოებრივი ტრანსპორტი არ დადის. ვთხოვთ საკრებულოს, განიხილოს დღეში ორი რეისის დანიშვნა (დილით და საღამოს), რომ მოსწავლეებმა, პაციენტებმა და ბაზარზე მიმავლებმა ქალაქამდე მისვლა შეძლონ.',
        az: 'İrqançaydan Dmanisiyə ictimai nəqliyyat yoxdur. Sakrebulodan gündə iki reysin (səhər və axşam) təyin edilməsini müzakirə etməyi xahiş edirik ki, şagirdlər, xəstələr və bazara gedənlər şəhərə çata bilsinlər.',
        en: 'No public transport runs from Irganchai to Dmanisi. We ask the Sakrebulo to discuss two daily runs (morning and evening) so that pupils, patients and people going to the market can reach the town.',
      },
      closesOn: inDays(45),
    });
    await this.service.submit(resident, bus.id);
    await this.moderation.open(staff, bus.id);
    const list = await this.paper.createList(staff, bus.id, 'İrqançay, vərəq 1–8');
    const names = [
      'Elnur Həsənov',
      'Ramin Quliyev',
      'Sevinc Əliyeva',
      'Aygün Məmmədova',
      'Tural İsmayılov',
      'Leyla Hüseynova',
    ];
    for (let i = 0; i < 96; i += 1) {
      await this.paper.addSignature(staff, list, {
        name: names[i % names.length] ?? 'Resident',
        personalNumber: `0100${String(2000000 + i).padStart(7, '0')}`,
        address: `İrqançay, ev ${i + 1}`,
        signedOn: inDays(-2),
      });
    }
    await this.signing.sign(resident, bus.id, 'demo-seed', true);

    // 2. Registered: a general assembly of Kamarlo about heating in the school.
    const heating = await this.moderation.recordAssemblyPetition(staff, {
      kind: 'resolution-principles',
      title: {
        ka: 'ყამარლოს საჯარო სკოლის გათბობა',
        az: 'Qəmərli ictimai məktəbinin istiləşməsi',
        en: 'Heating for the Kamarlo public school',
      },
      body: {
        ka: 'სკოლაში ზამთარში შეშის ღუმელები გამოიყენება და საკლასო ოთახებში ტემპერატურა 12 გრადუსს არ აღემატება. ვთხოვთ 2027 წლის ბიუჯეტში ცენტრალური გათბობის სისტემის მოწყობის გათვალისწინებას.',
        az: 'Məktəbdə qışda odun sobalarından istifadə olunur və siniflərdə temperatur 12 dərəcəni keçmir. 2027-ci il büdcəsində mərkəzi istilik sisteminin quraşdırılmasının nəzərə alınmasını xahiş edirik.',
        en: 'The school is heated with wood stoves in winter and classrooms stay below 12 °C. We ask that the 2027 budget provide for a central heating system.',
      },
      settlementId: bySlug('kamarlo'),
      minutes:
        'General assembly of Kamarlo, 2 November 2026, village club: 143 residents present; the proposal was adopted with 139 votes in favour.',
      authorName: 'Rəşad Əliyev',
    });
    await this.moderation.register(staff, heating.id);

    // 3. Answered: street lighting in Dmanisi town, accepted in part.
    const lights = await this.moderation.recordAssemblyPetition(staff, {
      kind: 'resolution-draft',
      title: {
        ka: 'ქუჩის განათება დმანისის ცენტრში',
        az: 'Dmanisi mərkəzində küçə işıqlandırması',
        en: 'Street lighting in central Dmanisi',
      },
      body: {
        ka: 'დავით აღმაშენებლის ქუჩაზე და ავტოსადგურთან ღამით განათება არ არის. ვთხოვთ 40 ახალი სანათის დამონტაჟებას.',
        az: 'David Aqmaşenebeli küçəsində və avtovağzal yanında gecə işıq yoxdur. 40 yeni işıq dirəyinin quraşdırılmasını xahiş edirik.',
        en: 'There is no lighting at night on David Aghmashenebeli Street and near the bus station. We ask for 40 new street lamps.',
      },
      settlementId: bySlug('dmanisi'),
      minutes:
        'General assembly of Dmanisi town, 12 October 2026: 210 residents present; adopted unanimously.',
      authorName: 'Nino Kapanadze',
    });
    await this.moderation.register(staff, lights.id);
    await this.moderation.consider(staff, lights.id, false);
    await this.moderation.answer(staff, lights.id, 'partly-accepted', {
      ka: 'საკრებულომ მხარი დაუჭირა 25 სანათის დამონტაჟებას 2027 წლის პირველ კვარტალში; დანარჩენი 15 განიხილება შემდეგი წლის ბიუჯეტში.',
      az: 'Sakrebulo 2027-ci ilin birinci rübündə 25 işıq dirəyinin quraşdırılmasını dəstəklədi; qalan 15-i növbəti ilin büdcəsində baxılacaq.',
      en: 'The Sakrebulo supported installing 25 lamps in the first quarter of 2027; the remaining 15 will be considered in next year’s budget.',
    });

    // 4. Awaiting moderation: drinking water in Saparlo.
    const water = await this.service.createDraft(resident, {
      kind: 'resolution-draft',
      title: {
        ka: 'სასმელი წყალი საფარლოში',
        az: 'Səfərlidə içməli su',
        en: 'Drinking water in Saparlo',
      },
      body: {
        ka: 'ზაფხულში სოფელს წყალი კვირაში მხოლოდ ორჯერ მიეწოდება. ვთხოვთ ახალი რეზერვუარის მშენებლობას.',
        az: 'Yayda kəndə su həftədə yalnız iki dəfə verilir. Yeni su anbarının tikilməsini xahiş edirik.',
        en: 'In summer the village gets water only twice a week. We ask for a new reservoir.',
      },
      closesOn: inDays(60),
    });
    await this.service.submit(resident, water.id);
  }
}
