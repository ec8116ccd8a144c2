import type { MultipartFile } from '@fastify/multipart';
import { PlatformError } from '../errors/domain-error';

/** A file part of a multipart form as the page and API controllers receive it in the body. */
export interface UploadedFile {
  readonly kind: 'uploaded-file';
  readonly filename: string;
  readonly bytes: Buffer;
  /** True when the parser stopped reading at the largest allowed size. */
  readonly truncated: boolean;
}

/**
 * The multipart `onFile` hook: reads each file part into memory (bounded by the parser's file size limit)
 * and puts it in the body under its field name. The client's declared type is dropped on purpose.
 */
export async function collectFilePart(part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) {
    chunks.push(chunk as Buffer);
  }
  const value: UploadedFile = {
    kind: 'uploaded-file',
    filename: part.filename,
    bytes: Buffer.concat(chunks),
    truncated: part.file.truncated,
  };
  (part as unknown as { value: UploadedFile }).value = value;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return !!value && typeof value === 'object' && (value as UploadedFile).kind === 'uploaded-file';
}

/**
 * The file posted under `field`, or undefined when none was chosen (a browser sends an empty part with no
 * name for an untouched file input).
 */
export function uploadedFileOf(body: unknown, field: string): UploadedFile | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (!isUploadedFile(value) || (value.filename === '' && value.bytes.length === 0)) {
    return undefined;
  }
  return value;
}

/** Like uploadedFileOf, for a required file: a field error when none was chosen. */
export function requiredUploadOf(body: unknown, field: string): UploadedFile {
  const file = uploadedFileOf(body, field);
  if (!file) {
    throw new PlatformError('platform.file-missing', 'invalid', 'Choose a file', [
      { field, message: 'Choose a file', constraint: 'platform.file-missing' },
    ]);
  }
  return file;
}
