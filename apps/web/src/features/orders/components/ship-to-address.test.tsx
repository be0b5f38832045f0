import { render, screen } from '@testing-library/react';
import { ShipToAddress } from './ship-to-address';

const address = {
  name: 'Jane Buyer',
  line1: '1 Main St',
  line2: null,
  line3: null,
  city: 'Austin',
  stateOrRegion: 'TX',
  postalCode: '787',
  countryCode: 'US',
  phone: null,
};

test('a redacted address says why its name and street are gone, and keeps what compliance needs', () => {
  render(<ShipToAddress address={{ ...address, name: null, line1: null }} />);
  expect(screen.getByTestId('ship-to-redacted').textContent).toMatch(/removed under the buyer data retention policy/);
  expect(screen.getByTestId('order-ship-to').textContent).toContain('Austin, TX 787');
});

test('the order page’s own words about the purge take the place of the name and street', () => {
  render(<ShipToAddress address={{ ...address, name: null, line1: null }} redaction={<span>Removed on Dec 3</span>} />);
  expect(screen.getByText('Removed on Dec 3')).toBeTruthy();
  expect(screen.queryByTestId('ship-to-redacted')).toBeNull();
});

test('a whole address shows the buyer’s name', () => {
  render(<ShipToAddress address={address} />);
  expect(screen.queryByTestId('ship-to-redacted')).toBeNull();
  expect(screen.getByText('Jane Buyer')).toBeTruthy();
});
