import { policyFor } from '../policy/policy-table';
import { buyerMessageClock } from './buyer-message-clock';
import { sellerResponseRate } from './seller-response-rate';

const t = (iso: string) => new Date(iso);

describe('buyerMessageClock', () => {
  const walmart = policyFor('WALMART', 'US', t('2026-12-01T00:00:00Z')).buyerMessages;
  const amazon = policyFor('AMAZON', 'US', t('2026-12-01T00:00:00Z')).buyerMessages;
  const performance = policyFor('WALMART', 'US', t('2026-12-01T00:00:00Z')).performanceAlertResponse;

  it.each([
    // Friday evening: 48 h runs through the weekend.
    [
      'Walmart, just received',
      walmart,
      '2026-12-04T18:00:00Z',
      null,
      '2026-12-04T18:05:00Z',
      '2026-12-06T18:00:00.000Z',
      'OPEN',
      47.9,
    ],
    [
      'Walmart, 12 h left',
      walmart,
      '2026-12-04T18:00:00Z',
      null,
      '2026-12-06T06:00:00Z',
      '2026-12-06T18:00:00.000Z',
      'DUE_SOON',
      12,
    ],
    [
      'Walmart, 12 h 1 min left',
      walmart,
      '2026-12-04T18:00:00Z',
      null,
      '2026-12-06T05:59:00Z',
      '2026-12-06T18:00:00.000Z',
      'OPEN',
      12,
    ],
    [
      'Walmart, past due',
      walmart,
      '2026-12-04T18:00:00Z',
      null,
      '2026-12-06T19:30:00Z',
      '2026-12-06T18:00:00.000Z',
      'OVERDUE',
      -1.5,
    ],
    [
      'Walmart, answered late',
      walmart,
      '2026-12-04T18:00:00Z',
      '2026-12-06T20:00:00Z',
      '2026-12-07T00:00:00Z',
      '2026-12-06T18:00:00.000Z',
      'ANSWERED',
      -2,
    ],
    [
      'Amazon, 6 h left',
      amazon,
      '2026-12-04T09:00:00Z',
      null,
      '2026-12-05T03:00:00Z',
      '2026-12-05T09:00:00.000Z',
      'DUE_SOON',
      6,
    ],
    [
      'Amazon, 7 h left',
      amazon,
      '2026-12-04T09:00:00Z',
      null,
      '2026-12-05T02:00:00Z',
      '2026-12-05T09:00:00.000Z',
      'OPEN',
      7,
    ],
    [
      'performance e-mail, 3 h left',
      performance,
      '2026-12-04T09:00:00Z',
      null,
      '2026-12-05T06:00:00Z',
      '2026-12-05T09:00:00.000Z',
      'DUE_SOON',
      3,
    ],
  ] as const)('%s', (_name, rule, received, answered, now, respondBy, state, hoursLeft) => {
    const clock = buyerMessageClock(t(received), rule, answered ? t(answered) : null, t(now));
    expect(clock).toEqual({ respondBy: t(respondBy), state, hoursLeft });
  });
});

describe('sellerResponseRate', () => {
  const now = t('2026-12-04T12:00:00Z');
  const m = (respondBy: string, answeredAt: string | null) => ({
    respondBy: t(respondBy),
    answeredAt: answeredAt ? t(answeredAt) : null,
  });

  it.each([
    ['nothing due', [], { due: 0, onTime: 0, rate: null }],
    ['open, not yet due: not counted', [m('2026-12-05T00:00:00Z', null)], { due: 0, onTime: 0, rate: null }],
    [
      'on time, late, missed and early answered',
      [
        m('2026-12-01T00:00:00Z', '2026-11-30T10:00:00Z'),
        m('2026-12-02T00:00:00Z', '2026-12-02T03:00:00Z'),
        m('2026-12-03T00:00:00Z', null),
        m('2026-12-06T00:00:00Z', '2026-12-04T08:00:00Z'),
      ],
      { due: 4, onTime: 2, rate: 50 },
    ],
    [
      'two of three',
      [
        m('2026-12-01T00:00:00Z', '2026-11-30T00:00:00Z'),
        m('2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z'),
        m('2026-12-03T00:00:00Z', null),
      ],
      { due: 3, onTime: 2, rate: 66.7 },
    ],
  ] as const)('%s', (_name, messages, expected) => {
    expect(sellerResponseRate(messages, now)).toEqual(expected);
  });
});
