import {
  currentState,
  datetimeLocalOf,
  timeLeftLabel,
  warningFormToInput,
  type WarningFormValues,
} from './warning-format';

test.each([
  [{ state: 'OPEN', secondsLeft: 20 * 3600 + 5 * 60 }, 0, '20 h 5 min left', 'OPEN'],
  [{ state: 'OPEN', secondsLeft: 4 * 3600 + 30 }, 60_000, '3 h 59 min left', 'DUE_SOON'],
  [{ state: 'DUE_SOON', secondsLeft: 10 * 60 }, 0, '10 min left', 'DUE_SOON'],
  [{ state: 'DUE_SOON', secondsLeft: 60 }, 61_000, 'overdue by 0 min', 'OVERDUE'],
  [{ state: 'OVERDUE', secondsLeft: -(2 * 3600 + 5 * 60) }, 0, 'overdue by 2 h 5 min', 'OVERDUE'],
  [{ state: 'ANSWERED', secondsLeft: null }, 0, 'answered', 'ANSWERED'],
] as const)('%j after %s ms reads "%s" (%s)', (warning, elapsed, label, state) => {
  expect(timeLeftLabel(warning, elapsed)).toBe(label);
  expect(currentState(warning, elapsed)).toBe(state);
});

const accounts = [
  { id: 'w', channel: 'WALMART' as const },
  { id: 'a', channel: 'AMAZON' as const },
];
const values = (patch: Partial<WarningFormValues> = {}): WarningFormValues => ({
  accountId: 'w',
  metric: 'VALID_TRACKING_RATE',
  subject: '',
  receivedAt: '2026-11-24T09:05',
  message: ' Your VTR is below 99%. ',
  ...patch,
});

test('a complete form becomes the input, with the channel of the account', () => {
  expect(warningFormToInput(values(), accounts)).toEqual({
    input: {
      channel: 'WALMART',
      accountId: 'w',
      metric: 'VALID_TRACKING_RATE',
      subject: null,
      receivedAt: new Date('2026-11-24T09:05').toISOString(),
      message: 'Your VTR is below 99%.',
    },
    errors: null,
  });
  expect(
    warningFormToInput(values({ accountId: 'a', metric: '', subject: ' Late origin scan ' }), accounts).input,
  ).toMatchObject({ channel: 'AMAZON', metric: null, subject: 'Late origin scan' });
});

test.each<[string, Partial<WarningFormValues>, string]>([
  ['no account', { accountId: '' }, 'accountId'],
  ['no time', { receivedAt: '' }, 'receivedAt'],
  ['no message', { message: '  ' }, 'message'],
  ['neither metric nor subject', { metric: '', subject: ' ' }, 'subject'],
])('%s is refused on its field', (_name, patch, field) => {
  const result = warningFormToInput(values(patch), accounts);
  expect(result.input).toBeNull();
  expect(Object.keys(result.errors!)).toEqual([field]);
});

test('datetime-local value in local time', () => {
  expect(datetimeLocalOf(new Date(2026, 10, 4, 7, 3))).toBe('2026-11-04T07:03');
});
