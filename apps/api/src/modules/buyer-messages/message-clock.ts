import { buyerMessageClock, policyFor, PolicyNotFoundError, type ChannelPolicy } from '@order-hub/rules';
import type { BuyerMessageState, Channel } from '@order-hub/types';
import type { BuyerMessageKind } from './buyer-message.entity';

export interface ClockedMessage {
  channel: Channel;
  kind: BuyerMessageKind;
  receivedAt: Date;
  answeredAt: Date | null;
}

export interface MessageClock {
  respondBy: Date;
  state: BuyerMessageState;
  hoursLeft: number;
  /** When the message turns due soon: respondBy less the policy's warning hours. */
  dueSoonAt: Date;
  policyVersion: string;
  respondWithinHours: number;
  source: string;
}

/** The policy in force when the message arrived (the first the hub holds for one older than every version). */
export function policyAtReceipt(channel: Channel, receivedAt: Date): ChannelPolicy {
  try {
    return policyFor(channel, 'US', receivedAt);
  } catch (e) {
    if (e instanceof PolicyNotFoundError) return policyFor(channel, 'US', new Date());
    throw e;
  }
}

/** The response rule of the message's kind: buyer messages, or a performance e-mail's 24 hours. */
function ruleOf(policy: ChannelPolicy, kind: BuyerMessageKind) {
  return kind === 'BUYER_MESSAGE' ? policy.buyerMessages : policy.performanceAlertResponse;
}

/** The message's clock as of `now`, from the rules and the policy in force at receipt. */
export function messageClock(m: ClockedMessage, now: Date): MessageClock {
  const policy = policyAtReceipt(m.channel, m.receivedAt);
  const rule = ruleOf(policy, m.kind);
  const clock = buyerMessageClock(m.receivedAt, rule, m.answeredAt, now);
  return {
    ...clock,
    dueSoonAt: new Date(clock.respondBy.getTime() - rule.warnHoursLeft * 3_600_000),
    policyVersion: policy.version,
    respondWithinHours: rule.respondWithinHours,
    source: rule.source,
  };
}
