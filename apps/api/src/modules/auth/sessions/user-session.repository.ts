import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { UserSessionEntity } from './user-session.entity';

/** The only way into the `user_session` table. */
@Injectable()
export class UserSessionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private sessions(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(UserSessionEntity);
  }

  insert(fields: Partial<UserSessionEntity>, em?: EntityManager): Promise<UserSessionEntity> {
    const repo = this.sessions(em);
    return repo.save(repo.create(fields));
  }

  /** The unrevoked session with this secret hash (expiry is the caller's to judge). */
  findLiveByHash(secretHash: string): Promise<UserSessionEntity | null> {
    return this.sessions().findOne({ where: { secretHash, revokedAt: IsNull() } });
  }

  findById(id: string): Promise<UserSessionEntity | null> {
    return this.sessions().findOneBy({ id });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.sessions().update({ id }, { lastSeenAt: at });
  }

  async markSecondFactor(id: string, at: Date, em?: EntityManager): Promise<void> {
    await this.sessions(em).update({ id }, { secondFactorAt: at });
  }

  /** Revokes one session; returns whether it was live. */
  async revoke(id: string, at: Date, em?: EntityManager): Promise<boolean> {
    const result = await this.sessions(em).update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Revokes every live session of the user (but `exceptId`); returns how many. */
  async revokeAllForUser(userId: string, at: Date, exceptId?: string, em?: EntityManager): Promise<number> {
    const result = await this.sessions(em).update(
      { userId, revokedAt: IsNull(), ...(exceptId ? { id: Not(exceptId) } : {}) },
      { revokedAt: at },
    );
    return result.affected ?? 0;
  }
}
