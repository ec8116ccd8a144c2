import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { PlatformError } from '../errors/domain-error';
import type { Actor } from '../http/request-context';
import { checkUpload, FilePurpose } from './accept-policy';
import { StoredFileEntity } from './stored-file.entity';

/** What other libs see of a stored file. */
export interface StoredFile {
  id: string;
  purpose: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export interface SaveFileRequest {
  bytes: Uint8Array;
  filename: string;
  purpose: FilePurpose;
  actor: Actor | null;
  /** The form field the file came in, named in a refusal. */
  field: string;
  truncated?: boolean;
}

/** A name safe to keep and to put in a header: no path, no control characters, at most 200 characters. */
export function cleanFilename(raw: string, fallback = 'file'): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean || fallback;
}

function describe(row: StoredFileEntity): StoredFile {
  const { id, purpose, filename, mediaType, size, sha256, createdAt } = row;
  return { id, purpose, filename, mediaType, size, sha256, createdAt };
}

/**
 * Stores uploads for every lib. The bytes live in PostgreSQL (`platform_files.bytes`, bytea), not on a
 * disk or object store: it behaves the same on PGlite and PostgreSQL, api replicas stay stateless (any of
 * them serves any file), a file is written in the same transaction as the row that refers to it, and
 * `pg_dump` backs it up with everything else. The policies keep files small enough (≤ 20 MB) for that.
 *
 * FileStore never decides who may download a file: the owning lib checks its own rules (a published
 * session, say) and then asks `open` for the bytes.
 */
@Injectable()
export class FileStore {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Checks the upload against its purpose's policy, then stores it (joining the caller's transaction). */
  async save(request: SaveFileRequest): Promise<StoredFile> {
    const mediaType = checkUpload(request, request.purpose.accept, request.field);
    const bytes = Buffer.from(request.bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const manager = this.transactions.manager();
    const result = await manager.insert(StoredFileEntity, {
      purpose: request.purpose.name,
      filename: cleanFilename(request.filename, mediaType === 'application/pdf' ? 'document.pdf' : 'image'),
      mediaType,
      size: bytes.length,
      sha256,
      bytes,
      uploadedBy: request.actor?.id ?? null,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    return describe(await manager.findOneOrFail(StoredFileEntity, { where: { id } }));
  }

  /** Metadata of several files at once (for lists), without their bytes. */
  async describe(ids: readonly string[]): Promise<Map<string, StoredFile>> {
    if (!ids.length) {
      return new Map();
    }
    const rows = await this.transactions.manager().find(StoredFileEntity, { where: { id: In([...ids]) } });
    return new Map(rows.map((row) => [row.id, describe(row)]));
  }

  /** A file with its bytes; not-found when there is none. */
  async open(id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const row = await this.transactions
      .manager()
      .createQueryBuilder(StoredFileEntity, 'f')
      .addSelect('f.bytes')
      .where('f.id = :id', { id })
      .getOne();
    if (!row) {
      throw new PlatformError('platform.not-found', 'not-found', 'No such file');
    }
    return { file: describe(row), bytes: row.bytes };
  }

  /** Deletes a file; the owning lib deletes its own reference first, in the same transaction. */
  async remove(id: string): Promise<void> {
    await this.transactions.manager().delete(StoredFileEntity, { id });
  }
}
