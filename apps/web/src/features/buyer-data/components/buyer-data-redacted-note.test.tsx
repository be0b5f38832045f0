import { render, screen } from '@testing-library/react';
import { BuyerDataRedactedNote } from './buyer-data-redacted-note';

test('says when the buyer details were removed and why, in the account zone', () => {
  render(
    <BuyerDataRedactedNote
      redactedAt="2026-12-03T15:05:00Z"
      retentionDays={30}
      channel="AMAZON"
      timeZone="America/Chicago"
    />,
  );
  expect(screen.getByTestId('buyer-data-redacted').textContent).toBe(
    'Buyer details removed on Dec 3, 09:05 CST (Amazon orders keep them 30 days after delivery). City, state, ZIP3, dates and tracking remain.',
  );
});

test('shows nothing while the details are kept', () => {
  const { container } = render(<BuyerDataRedactedNote redactedAt={null} retentionDays={30} channel="WALMART" />);
  expect(container.textContent).toBe('');
});
