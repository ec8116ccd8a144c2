import { Injectable, Logger, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';

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
    const seeders = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        instance: wrapper.instance as DemoSeeder,
        name: wrapper.name,
        order: this.reflector.get<number | undefined>(DEMO_SEEDER, wrapper.metatype as () => unknown),
      }))
      .filter(
        (entry): entry is { instance: DemoSeeder; name: string; order: number } => entry.order !== undefined,
      )
      .sort((a, b) => a.order - b.order);
    for (const seeder of seeders) {
      await seeder.instance.seedDemo();
      this.logger.log(`demo data: ${seeder.name}`);
    }
    return seeders.map((seeder) => seeder.name);
  }
}
