import type { LocalizedText } from '@chartuloba/platform';
import type { ImplementationStatus } from '../repositories/budgeting.rows';

interface Update {
  at: string;
  status: ImplementationStatus;
  progress: number;
  spent: number;
  note: LocalizedText;
}

interface FundedProject {
  village: string;
  title: LocalizedText;
  description: LocalizedText;
  cost: number;
  votes: number;
  updates: Update[];
}

/** 2024 in Mashavera and Dmanisi town: what was voted, what won, and how the money was spent. */
export const PROJECTS_2024: FundedProject[] = [
  {
    village: 'mashavera',
    title: {
      ka: 'საბავშვო ბაღის გათბობა',
      az: 'Uşaq bağçasının istilik sistemi',
      en: 'Kindergarten heating',
    },
    description: {
      ka: 'ახალი ქვაბი და რადიატორები მაშავერის საბავშვო ბაღში.',
      az: 'Maşavera uşaq bağçasına yeni qazan və radiatorlar.',
      en: 'A new boiler and radiators for the Mashavera kindergarten.',
    },
    cost: 18_000,
    votes: 28,
    updates: [
      {
        at: '2024-08-12T10:00:00+04:00',
        status: 'in-progress',
        progress: 30,
        spent: 5_400,
        note: {
          ka: 'ქვაბი შეძენილია, მონტაჟი დაიწყო.',
          az: 'Qazan alınıb, quraşdırma başlayıb.',
          en: 'The boiler is bought; fitting has started.',
        },
      },
      {
        at: '2024-10-21T10:00:00+04:00',
        status: 'in-progress',
        progress: 80,
        spent: 15_200,
        note: {
          ka: 'რადიატორები დამონტაჟებულია ყველა ოთახში.',
          az: 'Radiatorlar bütün otaqlarda quraşdırılıb.',
          en: 'Radiators are fitted in every room.',
        },
      },
      {
        at: '2024-11-28T10:00:00+04:00',
        status: 'completed',
        progress: 100,
        spent: 17_650,
        note: {
          ka: 'გათბობა ჩართულია ზამთრის დაწყებამდე; დარჩენილი 350 ლარი ბიუჯეტს დაუბრუნდა.',
          az: 'İstilik qışdan əvvəl işə salınıb; qalan 350 lari büdcəyə qaytarılıb.',
          en: 'The heating runs before winter; the 350 GEL left over went back to the budget.',
        },
      },
    ],
  },
  {
    village: 'mashavera',
    title: { ka: 'ფეხით მოსიარულეთა ხიდი', az: 'Piyada körpüsü', en: 'Footbridge over the river' },
    description: {
      ka: 'ხიდი მდინარე მაშავერაზე სკოლისკენ მიმავალ გზაზე.',
      az: 'Məktəbə gedən yolda Maşavera çayı üzərində körpü.',
      en: 'A footbridge over the Mashavera river on the way to school.',
    },
    cost: 25_000,
    votes: 20,
    updates: [],
  },
  {
    village: 'dmanisi',
    title: {
      ka: 'ცენტრალური მოედნის სკამები და განათება',
      az: 'Mərkəzi meydanda skamyalar və işıqlandırma',
      en: 'Benches and lighting on the central square',
    },
    description: {
      ka: '30 სკამი და 12 სანათი დმანისის ცენტრალურ მოედანზე.',
      az: 'Dmanisinin mərkəzi meydanında 30 skamya və 12 lampa.',
      en: 'Thirty benches and twelve lamps on Dmanisi’s central square.',
    },
    cost: 22_000,
    votes: 41,
    updates: [
      {
        at: '2024-09-05T10:00:00+04:00',
        status: 'in-progress',
        progress: 50,
        spent: 9_000,
        note: { ka: 'სკამები დადგმულია.', az: 'Skamyalar qoyulub.', en: 'The benches are in place.' },
      },
      {
        at: '2024-11-15T10:00:00+04:00',
        status: 'completed',
        progress: 100,
        spent: 21_300,
        note: {
          ka: 'სანათები ჩართულია; მოედანი საღამოობით განათებულია.',
          az: 'Lampalar yandırılıb; meydan axşamlar işıqlıdır.',
          en: 'The lamps are on; the square is lit in the evenings.',
        },
      },
    ],
  },
  {
    village: 'dmanisi',
    title: {
      ka: 'საზოგადოებრივი ტუალეტი ავტოსადგურთან',
      az: 'Avtovağzalın yanında ictimai tualet',
      en: 'Public toilet at the bus station',
    },
    description: {
      ka: 'ხელმისაწვდომი საზოგადოებრივი ტუალეტი ავტოსადგურთან.',
      az: 'Avtovağzalın yanında əlçatan ictimai tualet.',
      en: 'An accessible public toilet at the bus station.',
    },
    cost: 15_000,
    votes: 33,
    updates: [
      {
        at: '2024-10-01T10:00:00+04:00',
        status: 'in-progress',
        progress: 40,
        spent: 6_000,
        note: { ka: 'საძირკველი ჩასხმულია.', az: 'Özül tökülüb.', en: 'The foundation is poured.' },
      },
      {
        at: '2025-03-12T10:00:00+04:00',
        status: 'completed',
        progress: 100,
        spent: 14_800,
        note: {
          ka: 'ტუალეტი ღიაა ყოველდღე 8:00-დან 20:00-მდე.',
          az: 'Tualet hər gün 8:00-dan 20:00-dək açıqdır.',
          en: 'The toilet is open daily from 8:00 to 20:00.',
        },
      },
    ],
  },
];
