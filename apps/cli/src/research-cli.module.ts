import { Module } from '@nestjs/common';
import { PbTallyCommand } from '@chartuloba/budgeting';

/** Commands that need no database (tallying a `.pb` file): they start in milliseconds and touch no DATA_DIR. */
@Module({ providers: [PbTallyCommand] })
export class ResearchCliModule {}

export const RESEARCH_COMMANDS = ['pb:tally'];
