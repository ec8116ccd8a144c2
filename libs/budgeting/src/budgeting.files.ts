import { FilePurpose, IMAGE_POLICY, PDF_POLICY, sniffMediaType } from '@chartuloba/platform';

const ATTACHMENT = 'budgeting.proposal-attachment';

/** A proposal's sketch, site photo or cost quote: a PDF or an image, each within its own size limit. */
export function attachmentPurpose(bytes: Uint8Array): FilePurpose {
  const type = sniffMediaType(bytes);
  if (type && IMAGE_POLICY.mediaTypes.includes(type)) {
    return { name: ATTACHMENT, accept: IMAGE_POLICY };
  }
  // Not an image: a PDF up to the PDF limit, and anything else is refused naming every type taken.
  return {
    name: ATTACHMENT,
    accept: {
      mediaTypes: [...PDF_POLICY.mediaTypes, ...IMAGE_POLICY.mediaTypes],
      maxBytes: PDF_POLICY.maxBytes,
    },
  };
}

/** Photos of the works on an implementation update: images only. */
export const IMPLEMENTATION_PHOTO: FilePurpose = {
  name: 'budgeting.implementation-photo',
  accept: IMAGE_POLICY,
};

/** A proposal carries at most this many files: enough for a sketch, a site photo and a quote. */
export const MAX_ATTACHMENTS = 3;
