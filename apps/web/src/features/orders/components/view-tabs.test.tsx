import { fireEvent, render, screen } from '@testing-library/react';
import { ViewTabs } from './view-tabs';

test('"Shipped, no scan yet" sits beside the other views, its count highlighted when any parcel waits', () => {
  const onChange = jest.fn();
  render(
    <ViewTabs
      active="NEW"
      counts={[
        { view: 'NEW', count: 4, exact: true },
        { view: 'SHIPPED_NO_SCAN', count: 3, exact: true },
      ]}
      stale={false}
      onChange={onChange}
    />,
  );
  const tab = screen.getByTestId('tab-SHIPPED_NO_SCAN');
  expect(tab.textContent).toBe('Shipped, no scan yet3');
  expect(screen.getByTestId('tab-count-SHIPPED_NO_SCAN').className).toBe('count alert');
  expect(screen.getByTestId('tab-count-NEW').className).toBe('count');
  const order = screen.getAllByRole('tab').map((element) => element.dataset.testid);
  expect(order.indexOf('tab-SHIPPED_NO_SCAN')).toBe(order.indexOf('tab-NEEDS_ATTENTION') + 1);
  fireEvent.click(tab);
  expect(onChange).toHaveBeenCalledWith('SHIPPED_NO_SCAN');
});

test('an estimated count reads "about N", with why in its title; none is marked while a search lists every view', () => {
  render(
    <ViewTabs
      active={null}
      counts={[
        { view: 'ALL', count: 1000000, exact: false },
        { view: 'NEW', count: 2, exact: true },
      ]}
      stale={false}
      onChange={() => undefined}
    />,
  );
  expect(screen.getByTestId('tab-count-ALL').textContent).toBe('about 1000000');
  expect(screen.getByTestId('tab-count-ALL').title).toMatch(/estimate/);
  expect(screen.getByTestId('tab-count-NEW').textContent).toBe('2');
  expect(screen.getAllByRole('tab').filter((tab) => tab.getAttribute('aria-selected') === 'true')).toHaveLength(0);
});
