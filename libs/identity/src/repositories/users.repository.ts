import { Injectable } from '@nestjs/common';
import { Role, TransactionRunner } from '@chartuloba/platform';
import { ResidencyEntity } from '../entities/residency.entity';
import { UserEntity } from '../entities/user.entity';

export interface AccountRow {
  user: UserEntity;
  residency: ResidencyEntity | null;
}

export type ContactRow = Pick<UserEntity, 'id' | 'displayName' | 'email' | 'locale'>;

@Injectable()
export class UsersRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  async findById(id: string): Promise<UserEntity | null> {
    return this.transactions.manager().findOne(UserEntity, { where: { id } });
  }

  /** The accounts among `ids` that exist, with only what others may learn of them (never the hash). */
  async contactsByIds(ids: string[]): Promise<ContactRow[]> {
    return (await this.transactions
      .manager()
      .query(
        `SELECT id, display_name AS "displayName", email, locale FROM identity_users WHERE id = ANY($1::uuid[])`,
        [ids],
      )) as ContactRow[];
  }

  /** An e-mail (any case) or an assisted account's login name. */
  async findByLogin(login: string): Promise<UserEntity | null> {
    return this.transactions
      .manager()
      .createQueryBuilder(UserEntity, 'u')
      .where('lower(u.email) = lower(:login) OR u.login_name = :login', { login: login.trim() })
      .getOne();
  }

  async create(values: Partial<UserEntity>): Promise<UserEntity> {
    const manager = this.transactions.manager();
    return manager.save(manager.create(UserEntity, values));
  }

  async update(
    id: string,
    values: Partial<Pick<UserEntity, 'passwordHash' | 'emailVerifiedAt' | 'roles' | 'locale'>>,
  ) {
    await this.transactions.manager().update(UserEntity, { id }, values);
  }

  /** Staff search: by name, e-mail or login name, newest first, with residency in the same query. */
  async search(query: string, offset: number, limit: number): Promise<{ rows: AccountRow[]; total: number }> {
    const builder = this.transactions
      .manager()
      .createQueryBuilder(UserEntity, 'u')
      .leftJoinAndMapOne('u.residency', ResidencyEntity, 'r', 'r.user_id = u.id')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .offset(offset)
      .limit(limit);
    const term = query.trim();
    if (term) {
      const like = `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.where(
        '(lower(u.display_name) LIKE :like OR lower(u.email) LIKE :like OR u.login_name LIKE :like)',
        {
          like,
        },
      );
    }
    const [users, total] = await builder.getManyAndCount();
    return {
      rows: users.map((user) => {
        const { residency, ...rest } = user as UserEntity & { residency?: ResidencyEntity };
        return { user: Object.assign(new UserEntity(), rest), residency: residency ?? null };
      }),
      total,
    };
  }

  async withRole(role: Role): Promise<UserEntity[]> {
    return this.transactions
      .manager()
      .createQueryBuilder(UserEntity, 'u')
      .where(':role = ANY(u.roles)', { role })
      .orderBy('u.created_at', 'ASC')
      .getMany();
  }

  async countWithRole(role: Role): Promise<number> {
    return this.transactions
      .manager()
      .createQueryBuilder(UserEntity, 'u')
      .where(':role = ANY(u.roles)', { role })
      .getCount();
  }
}
