import 'reflect-metadata';
import cluster from 'node:cluster';
import { AppConfig, appConfig, ConfigError } from '@chartuloba/platform';
import { createApiApp } from './bootstrap';

function configOrExit(): AppConfig {
  try {
    return appConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

async function serve(config: AppConfig): Promise<void> {
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  if (cluster.isPrimary) {
    process.stdout.write(
      `Chartuloba listening on ${config.publicUrl} (database: ${config.mode.database}, jobs: ${config.mode.queue}, mail: ${config.mode.mail})\n`,
    );
  }
}

/**
 * API_PROCESSES > 1: a primary that only supervises, and api processes sharing the port. The first one
 * starts alone (it runs the migrations and any seeding), the rest once it listens; one that dies is
 * replaced, and SIGTERM/SIGINT stop them all.
 */
function supervise(config: AppConfig): void {
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      process.stderr.write(`api process ${worker.process.pid} ended (${signal ?? code}); starting another\n`);
      fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) {
      process.exit(0);
    }
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) {
      worker?.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === 1) {
      for (let i = 1; i < config.apiProcesses; i += 1) {
        fork();
      }
    }
    if (listening === config.apiProcesses) {
      process.stdout.write(
        `Chartuloba listening on ${config.publicUrl} with ${config.apiProcesses} api processes (database: ${config.mode.database}, jobs: ${config.mode.queue}, mail: ${config.mode.mail})\n`,
      );
    }
  });
  fork();
}

const config = configOrExit();
if (config.apiProcesses > 1 && cluster.isPrimary) {
  supervise(config);
} else {
  void serve(config);
}
