import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DemoSeed, DemoSeeder, MunicipalityService, Role } from '@chartuloba/platform';
import { UsersRepository } from '../repositories/users.repository';
import { AccountsAdminService } from './accounts-admin.service';
import { actorOf } from './sessions.service';
import { UserProvisioningService } from './user-provisioning.service';

interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  residentOf?: { settlementSlug: string; personalNumber: string; birthYear: number };
}

const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.chartuloba.ge', displayName: 'Demo Admin', roles: ['admin'] },
  { email: 'staff@demo.chartuloba.ge', displayName: 'Tamar Staff', roles: ['staff'] },
  { email: 'moderator@demo.chartuloba.ge', displayName: 'Giorgi Moderator', roles: ['moderator'] },
  { email: 'council@demo.chartuloba.ge', displayName: 'Nana Council', roles: ['council_member'] },
  {
    email: 'resident@demo.chartuloba.ge',
    displayName: 'Elvin Resident (Irganchai)',
    roles: ['citizen'],
    // A made-up number for the demo; real numbers are only ever typed by staff at the counter.
    residentOf: { settlementSlug: 'irganchai', personalNumber: '01001000001', birthYear: 1985 },
  },
  { email: 'citizen@demo.chartuloba.ge', displayName: 'Ani Citizen', roles: ['citizen'] },
];

/** One account per role, with fresh passwords printed once on stdout (never stored in plain text). */
@Injectable()
@DemoSeed(10)
export class IdentityDemoSeed implements DemoSeeder {
  constructor(
    private readonly provisioning: UserProvisioningService,
    private readonly users: UsersRepository,
    private readonly admin: AccountsAdminService,
    private readonly municipalities: MunicipalityService,
  ) {}

  async seedDemo(): Promise<void> {
    if (await this.users.findByLogin(DEMO_ACCOUNTS[0]?.email ?? '')) {
      return;
    }
    const printed: string[] = [];
    let verifier = undefined as ReturnType<typeof actorOf> | undefined;
    for (const account of DEMO_ACCOUNTS) {
      const password = randomBytes(9).toString('base64url');
      const user = await this.provisioning.create({ ...account, password });
      if (account.roles.includes('staff')) {
        verifier = actorOf(user);
      }
      if (account.residentOf && verifier) {
        const slug = account.residentOf.settlementSlug;
        const settlement = (await this.municipalities.exists())
          ? (await this.municipalities.settlements()).find((s) => s.slug === slug)
          : undefined;
        await this.admin.verifyResidency(verifier, user.id, {
          personalNumber: account.residentOf.personalNumber,
          settlementId: settlement?.id,
          birthYear: account.residentOf.birthYear,
        });
      }
      printed.push(`  ${account.roles.join(',').padEnd(15)} ${account.email.padEnd(30)} ${password}`);
    }
    process.stdout.write(
      [
        '',
        '================ Chartuloba demo accounts (shown once) ================',
        '  role            e-mail                         password',
        ...printed,
        '========================================================================',
        '',
      ].join('\n'),
    );
  }
}
