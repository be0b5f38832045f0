import { Injectable } from '@nestjs/common';
import { Transactions } from 'src/common/database/transactions';
import { BadUserInputError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ShipFromAddressEntity } from './ship-from-address.entity';
import { ShippingLabelRepository } from './shipping-label.repository';

export interface ShipFrom {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone?: string | null;
}

const LIMITS: [keyof ShipFrom, number, boolean][] = [
  ['name', 200, true],
  ['line1', 200, true],
  ['line2', 200, false],
  ['city', 100, true],
  ['stateOrRegion', 100, true],
  ['postalCode', 20, true],
  // Its own rule below says what a country code is.
  ['countryCode', 100, true],
  ['phone', 40, false],
];

/** Each account's ship-from address: where its labels say the parcel leaves from. */
@Injectable()
export class ShipFromService {
  constructor(
    private readonly tx: Transactions,
    private readonly labels: ShippingLabelRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly audit: AuditService,
  ) {}

  async set(accountId: string, address: ShipFrom, actor: string): Promise<ChannelAccountEntity> {
    const clean = checkShipFrom(address);
    const account = await this.accounts.getById(accountId);
    const before = await this.labels.shipFrom(account.id);
    await this.labels.saveShipFrom(Object.assign(new ShipFromAddressEntity(), clean, { accountId, updatedBy: actor }));
    await this.tx.run((em) =>
      this.audit.record(em, {
        actor,
        action: 'account.ship_from_set',
        entityType: 'channel_account',
        entityId: account.id,
        before: before ? { postalCode: before.postalCode, city: before.city } : null,
        after: { postalCode: clean.postalCode, city: clean.city },
      }),
    );
    return account;
  }
}

/**
 * The address trimmed, each required field present and each within its length; the country as alpha-2. `field`
 * names the input in the errors (a ship-from is `address`, a corrected ship-to `shipTo`).
 */
export function checkShipFrom(address: ShipFrom, field = 'address'): Required<ShipFrom> {
  const out = {} as Record<keyof ShipFrom, string | null>;
  for (const [key, max, required] of LIMITS) {
    const value = (address[key] ?? '').trim();
    if (required && !value) throw new BadUserInputError(`${field}.${key}`, 'is required.');
    if (value.length > max) throw new BadUserInputError(`${field}.${key}`, `must be at most ${max} characters.`);
    out[key] = value || null;
  }
  if (!/^[A-Za-z]{2}$/.test(out.countryCode!))
    throw new BadUserInputError(`${field}.countryCode`, 'must be a two-letter ISO 3166-1 country code, like US.');
  out.countryCode = out.countryCode!.toUpperCase();
  if (out.countryCode === 'US' && !/^\d{5}(-\d{4})?$/.test(out.postalCode!))
    throw new BadUserInputError(`${field}.postalCode`, 'must be a US ZIP code: 5 digits, or ZIP+4 like 98101-1234.');
  return out as Required<ShipFrom>;
}
