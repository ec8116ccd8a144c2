import { Command, CommandRunner, Option } from 'nest-commander';
import { ROLES, Role } from '@chartuloba/platform';
import { PASSWORD_MIN, UserProvisioningService } from '@chartuloba/identity';

interface UserCreateOptions {
  email: string;
  role: Role[];
  name?: string;
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

@Command({
  name: 'user:create',
  description:
    'Create a confirmed account: user:create --email E --role R [--role R2] [--name N] --password-stdin',
})
export class UserCreateCommand extends CommandRunner {
  constructor(private readonly provisioning: UserProvisioningService) {
    super();
  }

  async run(_args: string[], options: UserCreateOptions): Promise<void> {
    // The password comes on stdin only: an argument would be visible in `ps` and the shell history.
    if (!options.passwordStdin) {
      throw new Error('give the password on stdin with --password-stdin');
    }
    const password = await readStdin();
    if (password.length < PASSWORD_MIN) {
      throw new Error(`the password must have at least ${PASSWORD_MIN} characters`);
    }
    const user = await this.provisioning.create({
      email: options.email,
      displayName: options.name ?? options.email.split('@')[0] ?? options.email,
      password,
      roles: options.role ?? [],
    });
    process.stdout.write(`${JSON.stringify({ id: user.id, email: user.email, roles: user.roles })}\n`);
  }

  @Option({ flags: '--email <email>', required: true, description: 'E-mail address (also the login)' })
  parseEmail(value: string): string {
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
      throw new Error(`not an e-mail address: ${value}`);
    }
    return value;
  }

  @Option({ flags: '--role <role>', description: `One of ${ROLES.join(', ')}; repeat for several` })
  parseRole(value: string, previous: Role[] = []): Role[] {
    if (!(ROLES as readonly string[]).includes(value)) {
      throw new Error(`unknown role ${value}; use one of ${ROLES.join(', ')}`);
    }
    return [...previous, value as Role];
  }

  @Option({ flags: '--name <name>', description: 'Display name (defaults to the part before @)' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: 'Read the password from standard input' })
  parsePasswordStdin(): boolean {
    return true;
  }
}
