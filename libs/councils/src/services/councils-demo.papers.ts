import { minimalPdf } from '@chartuloba/platform';
import type { AddDocumentInput, FileInput } from './documents.service';

/** A draft decision as a real small PDF, so the demo's past session has a paper to download. */
export function demoRoadPlan(day: string): AddDocumentInput {
  return {
    title: {
      ka: 'სოფლის გზების შეკეთების გეგმა',
      az: 'Kənd yollarının təmiri planı',
      en: 'Village road repair plan',
    },
    file: {
      filename: 'gzebis-gegma.pdf',
      bytes: minimalPdf([
        'Dmanisi Municipality - Village road repair plan',
        `Draft decision for the Sakrebulo session of ${day}`,
        '1. Repair 4.2 km of the road to Irganchai before October.',
        '2. Gravel the roads of Kamarlo and Gantiadi.',
        '3. Budget: 380,000 GEL from the municipal road fund.',
      ]),
    },
  };
}

/** The signed minutes of that session (the standard PDF fonts have no Georgian, hence Latin script). */
export function demoSignedMinutes(day: string): FileInput {
  return {
    filename: `okmi-${day}.pdf`,
    bytes: minimalPdf([
      'Dmanisi Municipal Council (Sakrebulo) - Minutes',
      `Regular session of ${day}`,
      'Six members attended. The village road repair plan was adopted.',
      'Signed: the Chair and the Secretary of the Sakrebulo.',
    ]),
  };
}
