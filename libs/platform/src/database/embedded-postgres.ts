import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite (PostgreSQL compiled to WASM) behind PGlite's socket server, so TypeORM talks to it with the
 * ordinary `pg` driver. Measured (shared/notes/pglite.md): the socket server keeps each connection's
 * transaction to itself, while the in-process TypeORM driver shares one session and loses rollbacks.
 */
export class EmbeddedPostgres {
  private static readonly logger = new Logger('EmbeddedPostgres');
  // One PGlite per data folder and process: PGlite cannot share its files with a second instance.
  private static readonly running = new Map<string, Promise<EmbeddedPostgres>>();
  private constructor(
    private readonly dataDir: string,
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly host: string,
    readonly port: number,
  ) {}

  static shared(dataDir: string): Promise<EmbeddedPostgres> {
    let instance = EmbeddedPostgres.running.get(dataDir);
    if (!instance) {
      instance = EmbeddedPostgres.start(dataDir);
      EmbeddedPostgres.running.set(dataDir, instance);
      instance.catch(() => EmbeddedPostgres.running.delete(dataDir));
    }
    return instance;
  }

  private static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const dir = join(dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
    // Loaded lazily: a deployment on real PostgreSQL never pays for the WASM module.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create({ dataDir: dir });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    EmbeddedPostgres.logger.log(`PGlite in ${dir}, serving on ${host}:${port}`);
    return new EmbeddedPostgres(dataDir, db, server, host ?? '127.0.0.1', Number(port));
  }

  async stop(): Promise<void> {
    EmbeddedPostgres.running.delete(this.dataDir);
    await this.server.stop();
    await this.db.close();
  }
}
