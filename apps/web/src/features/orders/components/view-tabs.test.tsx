import { fireEvent, render, screen } from '@testing-library/react';
import { ViewTabs } from './view-tabs';

test('"Shipped, no scan yet" sits beside the other views, its count highlighted when any parcel waits', () => {
  const onChange = jest.fn();
  render(
    <ViewTabs
      active="NEW"
      counts={[
        { view: 'NEW', count: 4 },
        { view: 'SHIPPED_NO_SCAN', count: 3 },
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
