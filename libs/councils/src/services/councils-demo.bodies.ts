import type { LocalizedText } from '@chartuloba/platform';
import type { BodyKind, MemberRole } from '../entities/councils.entities';

export interface DemoBody {
  slug: string;
  kind: BodyKind;
  name: LocalizedText;
  description: LocalizedText;
  members: Array<[string, MemberRole]>;
}

export const DEMO_BODIES: DemoBody[] = [
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

/** How to ask to speak at a Sakrebulo session, shown on each of its session pages. */
export const DEMO_SPEAK_REQUEST: LocalizedText = {
  ka: 'სიტყვის სათხოვნელად დარეკეთ საკრებულოს აპარატში ან მიმართეთ მდივანს სხდომის დაწყებამდე.',
  az: 'Söz istəmək üçün Sakrebulo aparatına zəng edin və ya iclasdan əvvəl katibə müraciət edin.',
  en: 'To ask to speak, call the Sakrebulo office or tell the secretary before the session starts.',
};
