import { render, screen } from '@testing-library/react';
import { expiresSoon, TokenExpiryWarning } from './token-expiry-warning';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(NOW + ms).toISOString();

test('the console warns when its token expires within 7 days, saying when', () => {
  render(<TokenExpiryWarning expiresAt={at(3 * DAY)} now={NOW} />);
  const warning = screen.getByTestId('token-expiry-warning');
  expect(warning.textContent).toMatch(
    /^This API token expires in 3 d \(Dec \d+, \d\d:\d\d\): ask an admin for a new token/,
  );
  expect(warning.getAttribute('role')).toBe('alert');
});

test('says nothing for a token that never expires or expires in more than 7 days', () => {
  const { container, rerender } = render(<TokenExpiryWarning expiresAt={null} now={NOW} />);
  expect(container.textContent).toBe('');
  rerender(<TokenExpiryWarning expiresAt={at(8 * DAY)} now={NOW} />);
  expect(container.textContent).toBe('');
  expect(expiresSoon(at(7 * DAY), NOW)).toBe(true);
  expect(expiresSoon(at(7 * DAY + 60_000), NOW)).toBe(false);
});
