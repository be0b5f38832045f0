import { Injectable } from '@nestjs/common';
import { CHANNEL_PROFILES } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import type { SecuritySettingEntity } from 'src/modules/users/security-setting.entity';
import type { SecuritySettingsType } from './dto/security-settings.type';
import { MfaPolicyService } from './mfa-policy.service';
import { SECURITY_SETTING_AUDIT_ID, SecuritySettingRepository } from './security-setting.repository';

/** The "require MFA for everyone" setting: its effective value and why, and an admin's change (audited). */
@Injectable()
export class SecuritySettingsService {
  constructor(
    private readonly settings: SecuritySettingRepository,
    private readonly policy: MfaPolicyService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  async view(): Promise<SecuritySettingsType> {
    const [row, asking] = await Promise.all([this.settings.find(), this.policy.channelsRequiringMfa()]);
    return describe(row, asking);
  }

  async update(requireMfa: boolean | null, actor: string): Promise<SecuritySettingsType> {
    await this.tx.run(async (em) => {
      const before = (await this.settings.lock(em))?.requireMfa ?? null;
      if (before === requireMfa) return;
      await this.settings.saveRequireMfa(requireMfa, actor, em);
      await this.audit.record(em, {
        actor,
        action: 'security.require_mfa_changed',
        entityType: 'security_setting',
        entityId: SECURITY_SETTING_AUDIT_ID,
        before: { requireMfa: before },
        after: { requireMfa },
      });
    });
    return this.view();
  }
}

function describe(row: SecuritySettingEntity | null, asking: Channel[]): SecuritySettingsType {
  const requireMfa = row?.requireMfa ?? null;
  const requireMfaDefault = asking.length > 0;
  const channels = asking.map((c) => CHANNEL_PROFILES[c].label).join(' and ');
  const why = requireMfaDefault
    ? `the data protection policy of a connected ${channels} account asks for a second factor from everyone who can see its buyers' data`
    : 'no connected channel asks for it';
  const by = `chosen by ${row?.updatedBy ?? 'an admin'}`;
  const reason =
    requireMfa === null
      ? `${requireMfaDefault ? 'On' : 'Off'} by default: ${why}.`
      : requireMfa
        ? `On: ${by}.`
        : `Off: ${by}${requireMfaDefault ? `, although ${why}` : ''}.`;
  return {
    requireMfa,
    requireMfaDefault,
    effectiveRequireMfa: requireMfa ?? requireMfaDefault,
    reason: `${reason} ADMIN always signs in with a second factor.`,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}
