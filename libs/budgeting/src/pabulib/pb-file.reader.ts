import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PbElection } from './pb-election.model';
import { parsePb } from './pb-file.parser';

/** Reads and parses one `.pb` file (UTF-8). */
export function parsePbFile(file: string): PbElection {
  return parsePb(readFileSync(file, 'utf8'));
}

/** The nearest folder at or above `from` that holds a package.json, if any. */
export function findRepoRoot(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

/**
 * The shared Pabulib sample folder: `$PABULIB_DIR`, else `shared/pabulib` beside the repository root (found
 * from this file, or from the working directory when this file was compiled outside the repository).
 */
export function pabulibDir(): string {
  const fromEnv = process.env['PABULIB_DIR'];
  if (fromEnv) {
    return fromEnv;
  }
  const root = findRepoRoot(__dirname) ?? findRepoRoot(process.cwd());
  if (!root) {
    throw new Error('cannot find the repository root; set PABULIB_DIR');
  }
  return path.resolve(root, '../shared/pabulib');
}

/** `.pb` files in the sample folder, sorted by name. */
export function pabulibFiles(dir: string = pabulibDir()): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pb'))
    .sort()
    .map((name) => path.join(dir, name));
}
