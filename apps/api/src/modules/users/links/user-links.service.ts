import { Injectable } from '@nestjs/common';
import type { UserLinkPurpose } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import type { UserLinkEntity } from '../user-link.entity';
import { UserLinksRepository } from '../user-links.repository';
import { LinkRefusedError } from './link-refused.error';
import { hashLinkSecret, LINK_VALIDITY_MS, newLinkSecret } from './one-time-link';

const WHAT: Record<UserLinkPurpose, string> = { INVITATION: 'invitation', PASSWORD_RESET: 'password reset' };

/** One-time links: 32 random bytes, only their SHA-256 kept; a new one ends the older ones of the same purpose. */
@Injectable()
export class UserLinksService {
  constructor(private readonly links: UserLinksRepository) {}

  /** A new link for the person, ending their unused ones of the same purpose. The secret is not kept. */
  async issue(
    userId: string,
    purpose: UserLinkPurpose,
    actor: string,
    em: EntityManager,
  ): Promise<{ secret: string; expiresAt: Date }> {
    const now = new Date();
    await this.links.supersede(userId, purpose, now, em);
    const secret = newLinkSecret();
    const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS[purpose]);
    await this.links.insert({ userId, purpose, secretHash: hashLinkSecret(secret), expiresAt, createdBy: actor }, em);
    return { secret, expiresAt };
  }

  /**
   * The link, locked until `em`'s transaction ends and marked used in it: two uses at once wait for each other and
   * only the first goes through. Throws LinkRefusedError (unknown, used, superseded, expired) in words for the person.
   */
  async use(secret: string, purpose: UserLinkPurpose, em: EntityManager): Promise<UserLinkEntity> {
    const what = WHAT[purpose];
    const link = /^[A-Za-z0-9_-]{43}$/.test(secret)
      ? await this.links.lockBySecretHash(hashLinkSecret(secret), em)
      : null;
    if (!link || link.purpose !== purpose) {
      throw new LinkRefusedError(
        404,
        `This ${what} link is not valid: check that you opened the whole link, or ask an admin for a new one.`,
      );
    }
    const now = new Date();
    if (link.usedAt) {
      throw new LinkRefusedError(
        410,
        `This ${what} link has already been used, or a newer one replaced it: ask an admin for a new one.`,
      );
    }
    if (link.expiresAt <= now) {
      throw new LinkRefusedError(
        410,
        `This ${what} link expired at ${link.expiresAt.toISOString()}: ask an admin for a new one.`,
      );
    }
    await this.links.markUsed(link.id, now, em);
    return link;
  }

  /** Whether a link of this purpose was made for the person in the last `withinMs` (to pace requested resets). */
  issuedWithin(userId: string, purpose: UserLinkPurpose, withinMs: number): Promise<boolean> {
    return this.links.existsCreatedSince(userId, purpose, new Date(Date.now() - withinMs));
  }
}
