import { render } from '@testing-library/react';
import { usePageTitle } from './use-page-title';

function Page({ title }: { title: string | null }) {
  usePageTitle(title);
  return null;
}

test('the tab is named after the page, and after the app alone while the page has no name yet', () => {
  const { rerender } = render(<Page title="Inbox" />);
  expect(document.title).toBe('Inbox · order-hub');
  rerender(<Page title="Order 1234567890123" />);
  expect(document.title).toBe('Order 1234567890123 · order-hub');
  rerender(<Page title={null} />);
  expect(document.title).toBe('order-hub');
});
