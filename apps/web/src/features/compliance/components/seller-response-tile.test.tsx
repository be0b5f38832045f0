import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { responseRateWords, SellerResponseTile } from './seller-response-tile';

const source = 'Walmart Seller Help: respond to customers within 48 hours';

test('the tile says the rate and how many of the messages due were answered in time', () => {
  render(
    <MemoryRouter>
      <SellerResponseTile
        channel="WALMART"
        sellerResponse={{ due: 12, onTime: 11, rate: 91.7, windowDays: 30, respondWithinHours: 48, source }}
      />
    </MemoryRouter>,
  );
  expect(screen.getByTestId('seller-response-rate').textContent).toBe('91.7%');
  expect(screen.getByTestId('seller-response-ratio').textContent).toBe(
    '11 of 12 messages answered in time; 1 answered late or not at all.',
  );
  expect(screen.getByTestId('seller-response-source').textContent).toContain(source);
  expect(screen.getByRole('link', { name: 'Open the buyer messages' }).getAttribute('href')).toBe('/messages');
});

test('with no message due the tile says so instead of a rate', () => {
  render(
    <MemoryRouter>
      <SellerResponseTile
        channel="AMAZON"
        sellerResponse={{ due: 0, onTime: 0, rate: null, windowDays: 30, respondWithinHours: 24, source }}
      />
    </MemoryRouter>,
  );
  expect(screen.getByTestId('seller-response-none').textContent).toBe('No buyer message came due in these days.');
  expect(screen.queryByTestId('seller-response-rate')).toBeNull();
  expect(responseRateWords(100)).toBe('100%');
});
