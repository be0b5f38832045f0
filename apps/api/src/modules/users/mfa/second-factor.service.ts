import { Injectable } from '@nestjs/common';
import { Transactions } from 'src/common/database/transactions';
import type { MfaState } from 'src/modules/users/users.repository';
import { UsersRepository } from 'src/modules/users/users.repository';
import { UsersService } from 'src/modules/users/users.service';
import { recoveryCodeHash } from './recovery-codes';
import { matchTotp, normaliseTotpCode } from './totp';
import { TotpSecretCipher } from './totp-secret-cipher';

export type SecondFactorKind = 'TOTP' | 'RECOVERY_CODE';

export type CodeCheck =
  | { ok: true; kind: SecondFactorKind; recoveryCodesLeft: number }
  | { ok: false; reason: 'WRONG_CODE'; lockedUntil: Date | null }
  | { ok: false; reason: 'NOT_ENROLLED' }
  | { ok: false; reason: 'LOCKED'; retryAfterSeconds: number };

/**
 * Checks a person's second factor: a TOTP code (±1 step, never a step already used) or one of their recovery codes
 * (spent by its use). A wrong code counts toward the account's lockout like a wrong password.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly users: UsersService,
    private readonly cipher: TotpSecretCipher,
    private readonly tx: Transactions,
  ) {}

  async check(userId: string, typed: string, now: Date = new Date()): Promise<CodeCheck> {
    const locked = await this.lockedFor(userId, now);
    if (locked > 0) return { ok: false, reason: 'LOCKED', retryAfterSeconds: locked };
    const outcome = await this.tx.run(async (em): Promise<CodeCheck | null> => {
      const state = await this.usersRepository.lockMfaState(userId, em);
      // A reset (or an enrolment never confirmed) leaves no usable factor: nothing to check against.
      if (!state?.totpEnabledAt || !state.totpSecretEncrypted) return { ok: false, reason: 'NOT_ENROLLED' };
      const left = state.recoveryCodeHashes.length;
      const step = await this.totpStep(state, typed, now);
      if (step !== null) {
        await this.usersRepository.updateMfa(userId, { totpLastStep: String(step) }, em);
        return { ok: true, kind: 'TOTP', recoveryCodesLeft: left };
      }
      const hash = recoveryCodeHash(typed);
      if (hash && state.recoveryCodeHashes.includes(hash)) {
        const remaining = state.recoveryCodeHashes.filter((h) => h !== hash);
        await this.usersRepository.updateMfa(userId, { recoveryCodeHashes: remaining }, em);
        return { ok: true, kind: 'RECOVERY_CODE', recoveryCodesLeft: remaining.length };
      }
      return null;
    });
    return outcome ?? { ok: false, reason: 'WRONG_CODE', ...(await this.users.recordFailedSignIn(userId, now)) };
  }

  /** The step a pending (not yet confirmed) secret's code matched, for the first code of an enrolment. */
  async firstStep(state: MfaState, typed: string, now: Date = new Date()): Promise<number | null> {
    return this.totpStep({ ...state, totpLastStep: null }, typed, now);
  }

  /** Seconds the account stays locked after repeated failures; 0 when it is not. */
  async lockedFor(userId: string, now: Date = new Date()): Promise<number> {
    const user = await this.users.findById(userId);
    const until = user?.lockedUntil?.getTime() ?? 0;
    return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
  }

  private async totpStep(state: MfaState, typed: string, now: Date): Promise<number | null> {
    const code = normaliseTotpCode(typed);
    if (!code || !state.totpSecretEncrypted) return null;
    const lastStep = state.totpLastStep === null ? null : Number(state.totpLastStep);
    return matchTotp(this.cipher.open(state.totpSecretEncrypted), code, lastStep, now);
  }
}
