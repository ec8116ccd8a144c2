import * as path from 'node:path';
import { tally, type TallyResult } from '../domain/tally.rules';
import type { PbElection } from './pb-election.model';
import { pbColumn, pbMinProjectScore, pbOfficialSelection, pbRule } from './pb-election.model';
import { pabulibDir, parsePbFile } from './pb-file.reader';

/**
 * Real elections from Pabulib whose PROJECTS carry the city's official `selected` column: the rule named
 * in META, tallied from the ballots, must select exactly those projects. Each file is parsed once.
 */

const files = new Map<string, PbElection>();
function load(name: string): PbElection {
  let pb = files.get(name);
  if (!pb) {
    pb = parsePbFile(path.join(pabulibDir(), `${name}.pb`));
    files.set(name, pb);
  }
  return pb;
}

function tallyAsMeta(pb: PbElection): TallyResult {
  const rule = pbRule(pb);
  if (!rule) {
    throw new Error(`no rule for META rule ${pb.meta['rule']}`);
  }
  const minScore = pbMinProjectScore(pb);
  return tally(rule, pb.election, minScore === undefined ? {} : { minScore });
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('official results reproduced from the ballots', () => {
  it.each([
    ['Poland_Warszawa_2019_Zacisze', 'greedy'],
    ['Poland_Warszawa_2020_Wesola', 'greedy'],
    ['Poland_Warszawa_2020_Praga-Poludnie', 'greedy'],
    ['Poland_Czestochowa_2024_Gnaszyn_-_Kawodrza', 'greedy'],
    ['Poland_Warszawa_2026', 'greedy-threshold'],
    ['Poland_Lodz_2022', 'greedy-threshold'],
    ['Poland_Katowice_2024', 'greedy-threshold'],
    ['Poland_Wroclaw_2017', 'greedy-no-skip'],
    ['Poland_Wroclaw_2015_150_-_500', 'greedy-no-skip'],
    ['Netherlands_Assen_2024', 'mes-equalshares'],
    ['Poland_Swiecie_2023', 'mes-equalshares'],
    ['Poland_Wieliczka_2023_Green_Budget', 'mes-equalshares'],
  ])('%s: %s selects what the city selected', (name, rule) => {
    const pb = load(name);
    expect(pbRule(pb)).toBe(rule);
    const result = tallyAsMeta(pb);
    expect(sorted(result.selected)).toEqual(sorted(pbOfficialSelection(pb)!));
  });

  it('Warszawa 2026: without its threshold of 3000 votes, greedy would also fund project 1664', () => {
    const pb = load('Poland_Warszawa_2026');
    const plain = tally('greedy', pb.election).selected;
    expect(plain.filter((id) => !pbOfficialSelection(pb)!.includes(id))).toEqual(['1664']);
  });

  it('Łódź 2022: stopping at the first project that does not fit would have funded seven fewer projects', () => {
    const pb = load('Poland_Lodz_2022');
    const stopped = tally('greedy-no-skip', pb.election).selected;
    expect(sorted(pbOfficialSelection(pb)!.filter((id) => !stopped.includes(id)))).toEqual(
      sorted(['L041', 'L058', 'L105', 'L133', 'L138', 'L141', 'L175']),
    );
  });

  describe('Budapest 2024, which the file cannot reproduce', () => {
    // META: rule "unknown"; voters could back at most 3 projects per category; about 10% of the votes were
    // cast on paper and are not in the file, so the official winners were not decided by this data alone.
    const pb = load('Hungary_Budapest_2024');
    const official = pbOfficialSelection(pb)!;
    const category = pbColumn(pb.projects, 'category')!;
    const categoryOf = new Map(
      pb.projects.rows.map((row, i) => [pb.election.projects[i]!.id, row[category]!]),
    );

    it('names no rule we could run, and greedy over the whole file picks a different set', () => {
      expect(pb.meta['rule']).toBe('unknown');
      expect(pbRule(pb)).toBeUndefined();
      const greedy = tally('greedy', pb.election).selected;
      expect(sorted(greedy.filter((id) => !official.includes(id)))).toEqual(
        sorted(['428', '467', '542', '552', '553', '555', '569', '571', '572', '582', '587', '594']),
      );
      expect(sorted(official.filter((id) => !greedy.includes(id)))).toEqual(
        sorted(['455', '472', '520', '526', '535', '538', '550', '586', '592']),
      );
    });

    it('funded, in every category, the projects with the most online votes, up to a cut the file does not give', () => {
      const votes = new Map(tally('greedy', pb.election).projects.map((p) => [p.id, p.votes]));
      const costs = new Map(pb.election.projects.map((p) => [p.id, p.cost]));
      const byCategory = new Map<string, string[]>();
      for (const [id, name] of categoryOf) {
        byCategory.set(name, [...(byCategory.get(name) ?? []), id]);
      }
      const funded: Record<string, { winners: number; spent: number }> = {};
      for (const [name, ids] of byCategory) {
        const ranked = ids.sort((a, b) => votes.get(b)! - votes.get(a)! || (a < b ? -1 : 1));
        const winners = ranked.filter((id) => official.includes(id));
        // The winners are exactly the top of the category's ranking by online votes.
        expect({ name, winners }).toEqual({ name, winners: ranked.slice(0, winners.length) });
        funded[name] = {
          winners: winners.length,
          spent: winners.reduce((sum, id) => sum + costs.get(id)!, 0),
        };
      }
      expect(funded).toEqual({
        'Local Small Idea': { winners: 8, spent: 355_000_000 },
        'Local Big Idea': { winners: 2, spent: 180_000_000 },
        Green: { winners: 1, spent: 120_000_000 },
        Social: { winners: 1, spent: 120_000_000 },
        Open: { winners: 1, spent: 120_000_000 },
      });
    });
  });
});
