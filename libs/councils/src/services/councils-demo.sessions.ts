import type { LocalizedText } from '@chartuloba/platform';

/** A past session of the demo, held `days` from now, with its minutes already published. */
export interface DemoPastSession {
  /** The slug of its body. */
  body: string;
  days: number;
  title: LocalizedText;
  place: LocalizedText;
  /** A field session, held in the municipality's first village. */
  inVillage?: boolean;
  /** With a paper before the session and the signed minutes as PDFs. */
  papers?: boolean;
  minutes: LocalizedText;
}

export const DEMO_HALL: LocalizedText = {
  ka: 'საკრებულოს სხდომათა დარბაზი, დმანისი',
  az: 'Sakrebulo iclas zalı, Dmanisi',
  en: 'Sakrebulo session hall, Dmanisi',
};

export const DEMO_PAST_SESSIONS: DemoPastSession[] = [
  {
    body: 'sakrebulo',
    days: -60,
    title: {
      ka: 'საკრებულოს რიგითი სხდომა',
      az: 'Sakrebulonun növbəti iclası',
      en: 'Regular session of the Sakrebulo',
    },
    place: DEMO_HALL,
    papers: true,
    minutes: {
      ka: 'დაესწრო 6 წევრი. განხილულ იქნა სოფლის გზების შეკეთების გეგმა და მიღებულ იქნა.',
      az: '6 üzv iştirak edib. Kənd yollarının təmiri planı müzakirə edilib və qəbul olunub.',
      en: 'Six members attended. The village road repair plan was discussed and adopted.',
    },
  },
  {
    body: 'sakrebulo',
    days: -25,
    title: {
      ka: 'საკრებულოს გასვლითი სხდომა',
      az: 'Sakrebulonun səyyar iclası',
      en: 'Field session of the Sakrebulo',
    },
    place: { ka: 'სოფლის სკოლის დარბაზი', az: 'Kənd məktəbinin zalı', en: 'Village school hall' },
    inVillage: true,
    minutes: {
      ka: 'მოსახლეობამ დააყენა სასმელი წყლის საკითხი. საკრებულომ მერიას რეკომენდაცია მისცა.',
      az: 'Sakinlər içməli su məsələsini qaldırıb. Sakrebulo meriyaya tövsiyə verib.',
      en: 'Residents raised the drinking water supply. The Sakrebulo recommended action to the City Hall.',
    },
  },
  {
    body: 'mayor-advisory-council',
    days: -40,
    title: {
      ka: 'მრჩეველთა საბჭოს სხდომა',
      az: 'Məşvərət şurasının iclası',
      en: 'Advisory council meeting',
    },
    place: { ka: 'მერია, მე-2 სართული', az: 'Meriya, 2-ci mərtəbə', en: 'City Hall, 2nd floor' },
    minutes: {
      ka: 'განიხილეს მონაწილეობითი ბიუჯეტის წესები.',
      az: 'İştirakçı büdcə qaydaları müzakirə olunub.',
      en: 'The participatory budget rules were discussed.',
    },
  },
];
