import { Injectable, Logger, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { orderedProviders } from '../discovery/ordered-providers';

/** A lib's demo records. `order` puts dependencies first (platform 0, identity 10, mechanisms 100+). */
export interface DemoSeeder {
  seedDemo(): Promise<void>;
}

const DEMO_SEEDER = 'chartuloba:demo-seeder';
export const DemoSeed = (order: number) => SetMetadata(DEMO_SEEDER, order);

/** Runs every lib's @DemoSeed provider in order. Called by `npm start` on an empty embedded database and by `seed:demo`. */
@Injectable()
export class DemoSeedRunner {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  async run(): Promise<string[]> {
    const seeders = orderedProviders<DemoSeeder>(this.discovery, this.reflector, DEMO_SEEDER);
    for (const seeder of seeders) {
      await seeder.instance.seedDemo();
      this.logger.log(`demo data: ${seeder.name}`);
    }
    return seeders.map((seeder) => seeder.name);
  }
}
