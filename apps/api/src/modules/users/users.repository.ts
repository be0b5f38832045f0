import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiRole, UserStatus } from '@order-hub/types';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** The columns kept out of ordinary reads (select: false), read only by who needs them. */
export type UserWithPassword = UserEntity & { passwordHash: string | null };
export type MfaState = Pick<UserEntity, 'id' | 'totpSecretEncrypted' | 'totpEnabledAt' | 'totpLastStep'> & {
  recoveryCodeHashes: string[];
};
export type MfaFields = Partial<
  Pick<UserEntity, 'totpSecretEncrypted' | 'totpEnabledAt' | 'totpLastStep' | 'recoveryCodeHashes'>
>;
/** What may be written through `update` (not the id, e-mail key or creation fields). */
export type UserChanges = Partial<
  Pick<
    UserEntity,
    | 'name'
    | 'role'
    | 'status'
    | 'ssoSubject'
    | 'failedSignIns'
    | 'lockedUntil'
    | 'lastSignInAt'
    | 'disabledAt'
    | 'passwordHash'
  >
>;

const MFA_COLUMNS = ['id', 'totpSecretEncrypted', 'totpEnabledAt', 'totpLastStep', 'recoveryCodeHashes'] as const;

/**
 * The only way into the `app_user` table (others call these methods, or UsersService); every method joins the
 * caller's transaction when given `em`.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private users(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(UserEntity);
  }

  findById(id: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.users(em).findOneBy({ id });
  }

  /** Any status; `emailKey` as `emailKeyOf` makes it. */
  findByEmailKey(emailKey: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.users(em).findOneBy({ emailKey });
  }

  /** With the password hash, for checking a sign-in. */
  findWithPasswordByEmailKey(emailKey: string, em?: EntityManager): Promise<UserWithPassword | null> {
    return this.users(em)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.emailKey = :emailKey', { emailKey })
      .getOne();
  }

  findBySsoSubject(ssoSubject: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.users(em).findOneBy({ ssoSubject });
  }

  /** Everyone, oldest first. */
  list(em?: EntityManager): Promise<UserEntity[]> {
    return this.users(em).find({ order: { createdAt: 'ASC', emailKey: 'ASC' } });
  }

  /** The people with these ids (any order; missing ids left out), for dataloaders. */
  findByIds(ids: readonly string[], em?: EntityManager): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users(em).createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  /** The user locked FOR UPDATE until the transaction ends; null when there is none. */
  lockById(id: string, em: EntityManager): Promise<UserEntity | null> {
    return this.users(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The ids of the active admins, locked FOR UPDATE until the transaction ends, so two admins demoting or disabling
   * each other at once cannot leave none.
   */
  async lockActiveAdminIds(em: EntityManager): Promise<string[]> {
    const rows = await this.users(em)
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.role = :role AND u.status = :status', { role: ApiRole.ADMIN, status: UserStatus.ACTIVE })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Whether at least one person is an active admin. */
  hasActiveAdmin(em?: EntityManager): Promise<boolean> {
    return this.users(em).exists({ where: { role: ApiRole.ADMIN, status: UserStatus.ACTIVE } });
  }

  /** Inserts a new user; returns it with its id and timestamps. */
  insert(fields: Partial<UserEntity>, em?: EntityManager): Promise<UserEntity> {
    const repo = this.users(em);
    return repo.save(repo.create(fields));
  }

  async update(id: string, changes: UserChanges, em?: EntityManager): Promise<void> {
    await this.users(em).update({ id }, changes);
  }

  /** Adds one refused sign-in to the count in a single statement (concurrent failures all count); the new count. */
  async addFailedSignIn(id: string, em?: EntityManager): Promise<number | null> {
    const result = await this.users(em)
      .createQueryBuilder()
      .update()
      .set({ failedSignIns: () => 'failed_sign_ins + 1' })
      .where('id = :id', { id })
      .returning('failed_sign_ins')
      .execute();
    const row = (result.raw as { failed_sign_ins: number }[])[0];
    return row ? Number(row.failed_sign_ins) : null;
  }

  /** The second-factor columns (TOTP secret, last step, recovery code hashes). */
  findMfaState(id: string, em?: EntityManager): Promise<MfaState | null> {
    return this.users(em).findOne({ where: { id }, select: [...MFA_COLUMNS] });
  }

  /** The second-factor columns, the row locked FOR UPDATE (a code is checked and its step recorded once). */
  lockMfaState(id: string, em: EntityManager): Promise<MfaState | null> {
    return this.users(em).findOne({
      where: { id },
      select: [...MFA_COLUMNS],
      lock: { mode: 'pessimistic_write' },
    });
  }

  async updateMfa(id: string, fields: MfaFields, em?: EntityManager): Promise<void> {
    // jsonb column: TypeORM's deep-partial typing does not model a string array as its own value.
    await this.users(em).update({ id }, fields);
  }
}
