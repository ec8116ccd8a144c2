import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredFile } from './file-store.service';

/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name in `filename*` (RFC 6266 with RFC 5987
 * encoding), so a Georgian file name survives in every browser.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file a lib has decided may be seen. The bytes under an id never change, so the ETag is
 * their SHA-256 and caches may keep them; the download runs no script and renders in no frame.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  bytes: Buffer,
  cache: 'public' | 'private' = 'public',
): Promise<void> {
  const etag = `"${file.sha256}"`;
  reply
    .header('etag', etag)
    .header('cache-control', cache === 'public' ? 'public, max-age=31536000, immutable' : 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'")
    .header('cross-origin-resource-policy', 'same-origin');
  const match = request.headers['if-none-match'];
  if (cache === 'public' && typeof match === 'string' && match.split(/\s*,\s*/).includes(etag)) {
    await reply.status(304).send();
    return;
  }
  await reply
    .header('content-type', file.mediaType)
    .header('content-length', String(bytes.length))
    .header('content-disposition', contentDisposition(file.filename))
    .send(bytes);
}
