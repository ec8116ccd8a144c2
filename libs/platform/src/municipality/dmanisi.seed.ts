import { Injectable } from '@nestjs/common';
import { DemoSeed, DemoSeeder } from '../seeding/demo-seed';
import { MunicipalityService, Settlement } from './municipality.service';

type SettlementSeed = Omit<Settlement, 'id'>;

// Dmanisi Municipality (Kvemo Kartli): the town, the daba of Kazreti and a selection of its villages.
const SETTLEMENTS: SettlementSeed[] = [
  { slug: 'dmanisi', kind: 'town', name: { ka: 'დმანისი', az: 'Dmanisi', hy: 'Դմանիսի', en: 'Dmanisi' } },
  { slug: 'kazreti', kind: 'town', name: { ka: 'კაზრეთი', az: 'Kazreti', hy: 'Կազրեթի', en: 'Kazreti' } },
  {
    slug: 'irganchai',
    kind: 'village',
    name: { ka: 'ირგანჩაი', az: 'İrqançay', hy: 'Իրգանչայ', en: 'Irganchai' },
  },
  { slug: 'kamarlo', kind: 'village', name: { ka: 'ყამარლო', az: 'Qəmərli', hy: 'Կամառլո', en: 'Kamarlo' } },
  {
    slug: 'mashavera',
    kind: 'village',
    name: { ka: 'მაშავერა', az: 'Maşavera', hy: 'Մաշավերա', en: 'Mashavera' },
  },
  { slug: 'saparlo', kind: 'village', name: { ka: 'საფარლო', az: 'Səfərli', hy: 'Սափառլո', en: 'Saparlo' } },
  {
    slug: 'gomareti',
    kind: 'village',
    name: { ka: 'გომარეთი', az: 'Qomareti', hy: 'Գոմարեթի', en: 'Gomareti' },
  },
  {
    slug: 'sarachlo',
    kind: 'village',
    name: { ka: 'სარაჩლო', az: 'Saraçlı', hy: 'Սարաչլո', en: 'Sarachlo' },
  },
  { slug: 'amamlo', kind: 'village', name: { ka: 'ამამლო', az: 'Əmamlı', hy: 'Ամամլո', en: 'Amamlo' } },
  {
    slug: 'vardisubani',
    kind: 'village',
    name: { ka: 'ვარდისუბანი', az: 'Vardisubani', hy: 'Վարդիսուբանի', en: 'Vardisubani' },
  },
  { slug: 'bashkovi', kind: 'village', name: { ka: 'ბაშკოვი', az: 'Başköy', hy: 'Բաշքոյ', en: 'Bashkovi' } },
  {
    slug: 'ganakhleba',
    kind: 'village',
    name: { ka: 'განახლება', az: 'Qanaxleba', hy: 'Գանախլեբա', en: 'Ganakhleba' },
  },
];

/** The municipality every other lib's demo data belongs to. */
@Injectable()
@DemoSeed(0)
export class DmanisiSeed implements DemoSeeder {
  constructor(private readonly municipalities: MunicipalityService) {}

  async seedDemo(): Promise<void> {
    if (await this.municipalities.exists()) {
      return;
    }
    await this.municipalities.create(
      'dmanisi',
      { ka: 'დმანისი', az: 'Dmanisi', hy: 'Դմանիսի', en: 'Dmanisi' },
      SETTLEMENTS,
    );
    // Demo figure for the threshold basis; staff replace it with the CEC's count for their election list.
    await this.municipalities.recordVoterCount(
      {
        registeredVoters: 20013,
        asOf: '2024-10-26',
        source: 'CEC of Georgia, unified voter list (demo figure)',
      },
      null,
    );
  }
}
