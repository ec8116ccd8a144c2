import { PlatformError } from '../errors/domain-error';
import { MediaType, mediaTypeLabel, sniffMediaType } from './media-type';

/** What one kind of upload may be: the types its bytes may sniff as, and its largest size. */
export interface AcceptPolicy {
  readonly mediaTypes: readonly MediaType[];
  readonly maxBytes: number;
}

const MB = 1024 * 1024;

/** Council papers and signed minutes: scans of a few dozen pages stay well under 20 MB. */
export const PDF_POLICY: AcceptPolicy = { mediaTypes: ['application/pdf'], maxBytes: 20 * MB };
/** Photos (budgeting proposals): a phone photo is 2–5 MB. */
export const IMAGE_POLICY: AcceptPolicy = {
  mediaTypes: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 8 * MB,
};

/** The largest size any policy allows: the multipart parser stops reading a file past it. */
export const LARGEST_UPLOAD_BYTES = Math.max(PDF_POLICY.maxBytes, IMAGE_POLICY.maxBytes);

/** A named upload purpose (`councils.session-document`) and its policy; the owning lib declares it. */
export interface FilePurpose {
  readonly name: string;
  readonly accept: AcceptPolicy;
}

export interface UploadCandidate {
  bytes: Uint8Array;
  /** True when the parser stopped reading because the file passed the largest size. */
  truncated?: boolean;
}

function refuse(
  code: 'platform.file-empty' | 'platform.file-too-large' | 'platform.file-type-refused',
  field: string,
  message: string,
  params: Record<string, string | number>,
): PlatformError {
  return new PlatformError(code, 'invalid', message, [{ field, message, constraint: code }], params);
}

/**
 * The media type of an acceptable upload, or a field-level error naming `field`: empty, too large, or of a
 * type the policy does not take (judged by the bytes only).
 */
export function checkUpload(candidate: UploadCandidate, policy: AcceptPolicy, field: string): MediaType {
  const types = policy.mediaTypes.map(mediaTypeLabel).join(', ');
  const maxMb = Math.floor(policy.maxBytes / MB);
  if (candidate.bytes.length === 0 && !candidate.truncated) {
    throw refuse('platform.file-empty', field, 'The file is empty', { types });
  }
  if (candidate.truncated || candidate.bytes.length > policy.maxBytes) {
    throw refuse('platform.file-too-large', field, `The file is larger than ${maxMb} MB`, { max: maxMb });
  }
  const sniffed = sniffMediaType(candidate.bytes);
  if (!sniffed || !policy.mediaTypes.includes(sniffed)) {
    throw refuse('platform.file-type-refused', field, `Only ${types} files are accepted`, { types });
  }
  return sniffed;
}
