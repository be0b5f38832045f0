import { fireEvent, render, screen } from '@testing-library/react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { accountValues, newAccountValues } from '../lib/account-form-values';
import { account } from '../test/account-fixtures';
import { AccountForm } from './account-form';

function badInput(field: string, message: string) {
  const payload = { message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } };
  return new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

const input = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);

test('asks for the credentials of the chosen channel, secrets as empty password inputs', () => {
  render(
    <AccountForm
      mode="create"
      initial={newAccountValues()}
      pending={false}
      error={null}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  expect(screen.queryByTestId('field-refreshToken')).toBeNull();
  expect(input('field-clientSecret').type).toBe('password');

  fireEvent.change(screen.getByTestId('field-channel'), { target: { value: 'AMAZON' } });
  expect(input('field-refreshToken').type).toBe('password');
  expect(input('field-refreshToken').value).toBe('');
  expect(input('field-lwaEndpoint').type).toBe('text');
  expect(input('field-sellerId').type).toBe('text');
});

test('submits what was typed', () => {
  const onSubmit = jest.fn();
  render(
    <AccountForm
      mode="create"
      initial={newAccountValues('AMAZON')}
      pending={false}
      error={null}
      onSubmit={onSubmit}
      onCancel={jest.fn()}
    />,
  );
  type('field-name', 'Amazon CA');
  type('field-clientId', 'id');
  type('field-clientSecret', 'secret');
  fireEvent.click(screen.getByTestId('account-save'));
  expect(onSubmit).toHaveBeenCalledWith(
    expect.objectContaining({
      channel: 'AMAZON',
      name: 'Amazon CA',
      clientId: 'id',
      clientSecret: 'secret',
      refreshToken: '',
    }),
  );
});

test('shows a server error next to the input it names and keeps everything typed', () => {
  const onSubmit = jest.fn();
  const props = {
    mode: 'create' as const,
    initial: newAccountValues('AMAZON'),
    pending: false,
    onSubmit,
    onCancel: jest.fn(),
  };
  const { rerender } = render(<AccountForm {...props} error={null} />);
  type('field-name', 'Amazon CA');
  type('field-clientSecret', 'secret');
  fireEvent.click(screen.getByTestId('account-save'));

  rerender(<AccountForm {...props} error={badInput('input.credentials.refreshToken', 'refreshToken is required.')} />);

  expect(screen.getByTestId('field-error-refreshToken').textContent).toBe('refreshToken is required.');
  expect(input('field-refreshToken').getAttribute('aria-invalid')).toBe('true');
  expect(input('field-refreshToken').getAttribute('aria-describedby')).toBe('account-refreshToken-error');
  expect(screen.queryByTestId('error-state')).toBeNull();
  expect(input('field-name').value).toBe('Amazon CA');
  expect(input('field-clientSecret').value).toBe('secret');
});

test("typing in an input hides its server message until the next save's answer", () => {
  const props = {
    mode: 'create' as const,
    initial: newAccountValues('AMAZON'),
    pending: false,
    onSubmit: jest.fn(),
    onCancel: jest.fn(),
  };
  const payloads = [
    {
      message: 'input.baseUrl: must be an http(s) URL.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.baseUrl' },
    },
    {
      message: 'input.credentials.refreshToken: refreshToken is required.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.credentials.refreshToken' },
    },
  ];
  const first = new GraphQLRequestError(payloads[0].message, 'BAD_USER_INPUT', payloads);
  const { rerender } = render(<AccountForm {...props} error={first} />);

  type('field-refreshToken', 'Atzr|x');
  expect(screen.queryByTestId('field-error-refreshToken')).toBeNull();
  expect(screen.getByTestId('field-error-baseUrl').textContent).toBe('must be an http(s) URL.');

  rerender(<AccountForm {...props} error={null} />);
  rerender(<AccountForm {...props} error={badInput('input.credentials.refreshToken', 'refreshToken is not valid.')} />);
  expect(screen.getByTestId('field-error-refreshToken').textContent).toBe('refreshToken is not valid.');
});

test('an error no input explains is shown for the whole form', () => {
  const forbidden = new GraphQLRequestError(
    'This operation needs the ADMIN role; the token has OPERATOR.',
    'FORBIDDEN',
    [{ message: 'This operation needs the ADMIN role; the token has OPERATOR.', extensions: { code: 'FORBIDDEN' } }],
  );
  render(
    <AccountForm
      mode="create"
      initial={newAccountValues()}
      pending={false}
      error={forbidden}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  expect(screen.getByTestId('error-code').textContent).toBe('FORBIDDEN');
  expect(screen.queryByTestId(/^field-error-/)).toBeNull();
});

test('editing starts from the stored settings with empty credentials and a fixed channel', () => {
  const stored = account();
  render(
    <AccountForm
      mode="edit"
      initial={accountValues(stored)}
      hasCredentials
      pending={false}
      error={null}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  expect(input('field-name').value).toBe(stored.name);
  expect(input('field-baseUrl').value).toBe(stored.baseUrl);
  expect(screen.getByTestId<HTMLSelectElement>('field-channel').disabled).toBe(true);
  for (const secret of ['field-clientId', 'field-clientSecret', 'field-refreshToken'])
    expect(input(secret).value).toBe('');
  expect(screen.getByTestId('credentials-hint').textContent).toMatch(/Leave these empty to keep them/);
});

test('while saving, inputs and buttons are disabled', () => {
  render(
    <AccountForm
      mode="create"
      initial={newAccountValues()}
      pending
      error={null}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  expect(screen.getByTestId<HTMLButtonElement>('account-save').disabled).toBe(true);
  expect(screen.getByTestId('account-save').textContent).toBe('Saving…');
  expect(input('field-name').matches(':disabled')).toBe(true);
});

test('editing offers "Hold tracking until it scans" with what it does, and sends it when ticked; adding does not', () => {
  const onSubmit = jest.fn();
  const { unmount } = render(
    <AccountForm
      mode="edit"
      initial={accountValues(account())}
      hasCredentials
      pending={false}
      error={badInput('input.holdTrackingUntilScan', 'needs a tracking provider')}
      onSubmit={onSubmit}
      onCancel={jest.fn()}
    />,
  );
  const hold = input('field-holdTrackingUntilScan');
  expect(hold.checked).toBe(false);
  expect(screen.getByLabelText('Hold tracking until it scans')).toBe(hold);
  expect(document.getElementById(hold.getAttribute('aria-describedby')!)!.textContent).toMatch(
    /only after the carrier’s first scan, or 2 hours before ship-by/,
  );
  expect(screen.getByTestId('field-error-holdTrackingUntilScan').textContent).toBe('needs a tracking provider');
  fireEvent.click(hold);
  fireEvent.click(screen.getByTestId('account-save'));
  expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ holdTrackingUntilScan: true }));
  unmount();

  render(
    <AccountForm
      mode="create"
      initial={newAccountValues()}
      pending={false}
      error={null}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  expect(screen.queryByTestId('field-holdTrackingUntilScan')).toBeNull();
});
