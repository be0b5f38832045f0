import { useState } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { InboxColumn } from '@order-hub/types';
import { ColumnChooser } from './column-chooser';

function Chooser({ initial, onChange }: { initial: InboxColumn[]; onChange: (columns: InboxColumn[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <ColumnChooser
        value={value}
        onChange={(columns) => {
          setValue(columns);
          onChange(columns);
        }}
      />
      <output data-testid="shown">{value.join(',')}</output>
    </>
  );
}

function open(initial: InboxColumn[]) {
  const onChange = jest.fn();
  render(<Chooser initial={initial} onChange={onChange} />);
  fireEvent.click(screen.getByTestId('column-chooser'));
  return { onChange, menu: screen.getByRole('menu') };
}

test('lists every column in words as checkboxes, the shown ones checked', () => {
  const { menu } = open(['ORDER_NUMBER', 'SHIP_TO_STATE']);
  const items = within(menu).getAllByRole('menuitemcheckbox');
  expect(items).toHaveLength(16);
  expect(screen.getByTestId('column-option-LABEL_COST').textContent).toContain('Label cost');
  expect(screen.getByTestId('column-option-SHIP_TO_STATE').textContent).toContain('Ship-to state');
  expect(screen.getByTestId('column-option-EXPEDITED').textContent).toContain('Prime / expedited');
  expect(screen.getByTestId('column-option-AGE').textContent).toContain('Age');
  expect(screen.getByTestId('column-option-ORDER_NUMBER').getAttribute('aria-checked')).toBe('true');
  expect(screen.getByTestId('column-option-SKU').getAttribute('aria-checked')).toBe('false');
  // Raw codes stay out of the words.
  expect(menu.textContent).not.toContain('SHIP_TO_STATE');
});

test('a column switched on goes last; one switched off leaves the others in their order', () => {
  const { onChange } = open(['SHIP_BY', 'ORDER_NUMBER', 'CUSTOMER']);
  fireEvent.click(screen.getByTestId('column-option-SKU'));
  expect(onChange).toHaveBeenLastCalledWith(['SHIP_BY', 'ORDER_NUMBER', 'CUSTOMER', 'SKU']);
  fireEvent.click(screen.getByTestId('column-option-ORDER_NUMBER'));
  expect(onChange).toHaveBeenLastCalledWith(['SHIP_BY', 'CUSTOMER', 'SKU']);
  expect(screen.getByTestId('shown').textContent).toBe('SHIP_BY,CUSTOMER,SKU');
  // The menu stays open for the next choice.
  expect(screen.getByTestId('column-option-SKU').getAttribute('aria-checked')).toBe('true');
});

test('the last column shown cannot be switched off', () => {
  const { onChange } = open(['ORDER_NUMBER']);
  const last = screen.getByTestId('column-option-ORDER_NUMBER');
  expect(last.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(last);
  expect(onChange).not.toHaveBeenCalled();
});

test('opens from the keyboard', () => {
  render(<Chooser initial={['ORDER_NUMBER']} onChange={jest.fn()} />);
  const trigger = screen.getByTestId('column-chooser');
  act(() => trigger.focus());
  fireEvent.keyDown(trigger, { key: 'Enter' });
  fireEvent.keyUp(trigger, { key: 'Enter' });
  expect(screen.getByRole('menu')).toBeTruthy();
});
