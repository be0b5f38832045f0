import type { Channel, LabelRateQuote } from '@order-hub/types';
import { CARRIER_LABELS } from '../carriers/carrier-labels';
import { channelCarrierName } from '../carriers/channel-carrier-name';
import { channelLabel } from '../channels/channel-profile';
import { amazonLogisticsOnWalmart } from '../shipment/amazon-logistics';

export interface RemovedLabelRate {
  rate: LabelRateQuote;
  /** Why the operator is not offered it, in words. */
  reason: string;
}

export interface ChannelLabelRates {
  offered: LabelRateQuote[];
  removed: RemovedLabelRate[];
}

/**
 * Why the channel would refuse a shipment on this rate's carrier and service, in words; null when it takes it.
 * The same rules as a ship confirmation's (`validateShipment`): on Walmart any Amazon carrier, carrier name or service;
 * and a carrier the channel has no value for (Amazon Logistics or an unlisted carrier on Walmart).
 */
export function labelRateRefusal(channel: Channel, rate: LabelRateQuote): string | null {
  const reasons: string[] = [];
  if (channel === 'WALMART') {
    reasons.push(
      ...amazonLogisticsOnWalmart(
        { carrier: rate.carrier, carrierName: rate.carrierName, service: rate.serviceName || rate.service },
        '',
      ).map((v) => v.message),
    );
    if (rate.service && rate.service !== rate.serviceName) {
      reasons.push(
        ...amazonLogisticsOnWalmart({ carrier: 'OTHER', carrierName: null, service: rate.service }, '').map(
          (v) => v.message,
        ),
      );
    }
  }
  if (reasons.length === 0 && channelCarrierName(channel, rate.carrier, rate.carrierName) === null) {
    // A bought label is confirmed with the channel's own carrier value: a carrier off its list would go as free
    // text, which the channel may not count as valid tracking.
    reasons.push(
      rate.carrier === 'OTHER'
        ? `${rate.carrierName} is not on ${channelLabel(channel)}'s carrier list.`
        : `${channelLabel(channel)} does not accept ${CARRIER_LABELS[rate.carrier]} as a carrier.`,
    );
  }
  return reasons[0] ?? null;
}

/**
 * The rates the operator may pick from for an order of `channel`: those the channel refuses are removed before
 * anyone sees them (never an Amazon carrier on a Walmart order), each with its reason.
 */
export function labelRatesFor(channel: Channel, rates: readonly LabelRateQuote[]): ChannelLabelRates {
  const offered: LabelRateQuote[] = [];
  const removed: RemovedLabelRate[] = [];
  for (const rate of rates) {
    const reason = labelRateRefusal(channel, rate);
    if (reason) removed.push({ rate, reason });
    else offered.push(rate);
  }
  return { offered, removed };
}
