import { Injectable } from '@nestjs/common';
import { Transactions } from 'src/common/database/transactions';
import { AppError, BadUserInputError, ConflictError, ErrorCode, NotFoundError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { SessionsService } from 'src/modules/auth/sessions/sessions.service';
import { UsersRepository } from 'src/modules/users/users.repository';
import { UsersService } from 'src/modules/users/users.service';
import { newRecoveryCodes } from './recovery-codes';
import { SecondFactorService, type CodeCheck } from './second-factor.service';
import { newTotpSecret, normaliseTotpCode, qrSvg, totpUri } from './totp';
import { TotpSecretCipher } from './totp-secret-cipher';

export const WRONG_CODE = 'Wrong code.';
const ALREADY_ENROLLED =
  'Your authenticator app is already set up: to move it to another phone, ask an admin to reset your MFA.';
const NOT_ENROLLED = 'No authenticator app is set up yet: start with startTotpEnrolment.';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Setting up an authenticator app (a secret, then its first code) and replacing the recovery codes. */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionsService,
    private readonly cipher: TotpSecretCipher,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  /** A new secret, kept encrypted until its first code confirms it; starting again replaces an unconfirmed one. */
  async start(userId: string): Promise<TotpEnrolment> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    if (user.totpEnabledAt) throw new ConflictError(ALREADY_ENROLLED);
    const secret = newTotpSecret();
    await this.usersRepository.updateMfa(userId, { totpSecretEncrypted: this.cipher.seal(secret), totpLastStep: null });
    const otpauthUrl = totpUri(user.email, secret);
    return { secret, otpauthUrl, qrSvg: await qrSvg(otpauthUrl) };
  }

  /**
   * The app's first code turns the pending secret on and returns ten recovery codes (shown once). The session it
   * came from counts as having given its second factor.
   */
  async confirm(userId: string, typed: string, sessionId: string | null, actor: string): Promise<string[]> {
    if (!normaliseTotpCode(typed))
      throw new BadUserInputError('code', 'must be the 6 digits your authenticator app shows.');
    await this.refuseWhileLocked(userId);
    const now = new Date();
    const codes = await this.tx.run(async (em) => {
      const state = await this.usersRepository.lockMfaState(userId, em);
      if (!state) throw new NotFoundError('User', userId);
      if (state.totpEnabledAt) throw new ConflictError(ALREADY_ENROLLED);
      if (!state.totpSecretEncrypted) throw new ConflictError(NOT_ENROLLED);
      const step = await this.secondFactor.firstStep(state, typed, now);
      if (step === null) return null;
      const { codes, hashes } = newRecoveryCodes();
      await this.usersRepository.updateMfa(
        userId,
        { totpEnabledAt: now, totpLastStep: String(step), recoveryCodeHashes: hashes },
        em,
      );
      if (sessionId) await this.sessions.markSecondFactor(sessionId, now, em);
      await this.audit.record(em, { actor, action: 'user.mfa_enrolled', entityType: 'user', entityId: userId });
      return codes;
    });
    if (!codes) {
      await this.users.recordFailedSignIn(userId, now);
      throw new BadUserInputError('code', WRONG_CODE);
    }
    // Fully signed in now: the refused sign-ins before it no longer count.
    if (sessionId) await this.users.recordSignIn(userId, now);
    return codes;
  }

  /** Ten new recovery codes for a TOTP or recovery code; the old ones stop working. */
  async regenerateRecoveryCodes(userId: string, typed: string, actor: string): Promise<string[]> {
    refuse(await this.secondFactor.check(userId, typed));
    const { codes, hashes } = newRecoveryCodes();
    await this.tx.run(async (em) => {
      await this.usersRepository.updateMfa(userId, { recoveryCodeHashes: hashes }, em);
      await this.audit.record(em, {
        actor,
        action: 'user.recovery_codes_regenerated',
        entityType: 'user',
        entityId: userId,
      });
    });
    return codes;
  }

  private async refuseWhileLocked(userId: string): Promise<void> {
    const seconds = await this.secondFactor.lockedFor(userId);
    if (seconds > 0) refuse({ ok: false, reason: 'LOCKED', retryAfterSeconds: seconds });
  }
}

/** Turns a refused check into the GraphQL error the caller sees. */
function refuse(check: CodeCheck): void {
  if (check.ok) return;
  switch (check.reason) {
    case 'WRONG_CODE':
      throw new BadUserInputError('code', WRONG_CODE);
    case 'NOT_ENROLLED':
      throw new ConflictError(NOT_ENROLLED);
    case 'LOCKED':
      throw new AppError(ErrorCode.RATE_LIMITED, lockedMessage(check.retryAfterSeconds), {
        retryAfterSeconds: check.retryAfterSeconds,
      });
  }
}

export function lockedMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
