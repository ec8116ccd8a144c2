/** The media types the portal accepts from uploads; anything else is refused, whatever the client claims. */
export type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * The type the bytes themselves declare (their magic number), or null. The client's Content-Type and the
 * file name's extension are never asked: both are whatever the sender chose to write.
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  // PDF readers accept the header anywhere in the first 1024 bytes; we require it first, as files we
  // serve as PDF should be nothing else (a polyglot with a leading HTML part would be one).
  if (startsWith(bytes, ascii('%PDF-'))) {
    return 'application/pdf';
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return 'image/webp';
  }
  return null;
}

/** A short label for lists ("PDF", "JPEG"). */
export function mediaTypeLabel(type: string): string {
  switch (type) {
    case 'application/pdf':
      return 'PDF';
    case 'image/jpeg':
      return 'JPEG';
    case 'image/png':
      return 'PNG';
    case 'image/webp':
      return 'WebP';
    default:
      return type;
  }
}

/** A size for people: "812 KB", "3.4 MB" (decimal units, as file managers on phones show). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) {
    return `${bytes} B`;
  }
  if (bytes < 1_000_000) {
    return `${Math.round(bytes / 1000)} KB`;
  }
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
