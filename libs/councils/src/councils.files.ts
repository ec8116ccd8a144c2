import { FilePurpose, PDF_POLICY } from '@chartuloba/platform';

/** Agendas, draft decisions and annexes of a session. */
export const SESSION_DOCUMENT: FilePurpose = { name: 'councils.session-document', accept: PDF_POLICY };
/** The signed minutes (a scan) beside the minutes text. */
export const SIGNED_MINUTES: FilePurpose = { name: 'councils.signed-minutes', accept: PDF_POLICY };
/** The document of a published yearly report. */
export const REPORT_DOCUMENT: FilePurpose = { name: 'councils.report-document', accept: PDF_POLICY };
