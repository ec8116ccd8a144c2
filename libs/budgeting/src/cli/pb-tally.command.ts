import { Command, CommandRunner, Option } from 'nest-commander';
import { isTallyRule, TALLY_RULES, type TallyRule } from '../domain/tally.rules';
import { parsePbFile } from '../pabulib/pb-file.reader';
import { pbTallyReport } from '../pabulib/pb-tally.report';

interface PbTallyOptions {
  readonly file?: string;
  readonly rule?: string;
  readonly minScore?: string;
}

@Command({
  name: 'pb:tally',
  description: 'Tally a Pabulib .pb file with one outcome rule; prints one JSON object',
})
export class PbTallyCommand extends CommandRunner {
  async run(_params: string[], options: PbTallyOptions = {}): Promise<void> {
    if (!options.file) {
      process.stderr.write('pb:tally needs --file <path to a .pb file>\n');
      process.exitCode = 1;
      return;
    }
    // Checked here, not in the option parsers: commander reports a parser's error but exits 0.
    if (options.rule !== undefined && !isTallyRule(options.rule)) {
      process.stderr.write(
        `pb:tally: unknown rule "${options.rule}"; use one of ${TALLY_RULES.join(', ')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    const minScore = options.minScore === undefined ? undefined : Number(options.minScore);
    if (minScore !== undefined && !Number.isFinite(minScore)) {
      process.stderr.write(`pb:tally: --min-score must be a number, got "${options.minScore}"\n`);
      process.exitCode = 1;
      return;
    }
    try {
      const report = pbTallyReport(
        parsePbFile(options.file),
        options.rule as TallyRule | undefined,
        minScore,
      );
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } catch (error) {
      process.stderr.write(`pb:tally: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--file <path>', description: 'the .pb file to tally', required: true })
  parseFile(value: string): string {
    return value;
  }

  @Option({
    flags: '--rule <rule>',
    description: `outcome rule (${TALLY_RULES.join(', ')}); defaults to the rule named in the file's META`,
  })
  parseRule(value: string): string {
    return value;
  }

  @Option({
    flags: '--min-score <votes>',
    description: "greedy-threshold's minimum votes (points); defaults to META min_project_score_threshold",
  })
  parseMinScore(value: string): string {
    return value;
  }
}
