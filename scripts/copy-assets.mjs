// Copies the web assets (CSS, enhancement scripts) next to the compiled code: tsc copies only .ts output.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

for (const lib of readdirSync('libs')) {
  for (const dir of [join('libs', lib, 'src', 'web', 'assets'), join('libs', lib, 'src', 'assets')]) {
    if (existsSync(dir)) {
      cpSync(dir, join('dist', dir), { recursive: true });
    }
  }
}
