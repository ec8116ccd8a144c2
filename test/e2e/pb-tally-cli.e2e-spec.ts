import { resolve } from 'node:path';
import { runCli } from '../support/spawn-app';

const PABULIB = process.env.PABULIB_DIR ?? resolve(__dirname, '../../../shared/pabulib');

describe('npm run cli -- pb:tally', () => {
  it("prints one JSON object with Assen's official equal-shares outcome", async () => {
    const { code, output } = await runCli({}, [
      'pb:tally',
      '--file',
      `${PABULIB}/Netherlands_Assen_2024.pb`,
      '--rule',
      'mes-equalshares',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(output) as { rule: string; selected: string[]; budget_used: number };
    expect(result.rule).toBe('mes-equalshares');
    expect([...result.selected].sort()).toEqual(['11', '12', '13', '14', '2', '3', '5', '6', '9']);
    expect(result.budget_used).toBe(76700);
  });

  it('refuses an unknown rule with a non-zero exit', async () => {
    const { code } = await runCli({}, [
      'pb:tally',
      '--file',
      `${PABULIB}/Netherlands_Assen_2024.pb`,
      '--rule',
      'plurality',
    ]);
    expect(code).not.toBe(0);
  });
});
