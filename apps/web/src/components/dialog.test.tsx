import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Dialog } from './dialog';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ship…
      </button>
      <button type="button">Elsewhere</button>
      {open && (
        <Dialog title="Ship 1234" testId="test-dialog" onClose={() => setOpen(false)}>
          <label>
            Tracking number
            <input data-testid="field-tracking" />
          </label>
          <button type="submit" data-testid="confirm">
            Confirm
          </button>
        </Dialog>
      )}
    </>
  );
}

function openDialog() {
  render(<Opener />);
  const opener = screen.getByText('Ship…');
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

test('focus moves to the first field, the dialog is named by its title and its close button says what it closes', () => {
  openDialog();
  const dialog = screen.getByRole('dialog', { name: 'Ship 1234' });
  expect(dialog.dataset.testid).toBe('test-dialog');
  expect(document.activeElement).toBe(screen.getByTestId('field-tracking'));
  expect(screen.getByTestId('dialog-close').getAttribute('aria-label')).toBe('Close Ship 1234');
});

test('Tab from the last control wraps to the first one inside the dialog, never to the page behind', () => {
  openDialog();
  const close = screen.getByTestId('dialog-close');
  const confirm = screen.getByTestId('confirm');
  confirm.focus();
  fireEvent.keyDown(confirm, { key: 'Tab' });
  expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
  expect(document.activeElement).toBe(close);
  // the page behind is hidden from assistive technology while the dialog is open
  expect(screen.queryByRole('button', { name: 'Elsewhere' })).toBeNull();
});

test('Escape closes the dialog and the focus returns to the button that opened it', async () => {
  const opener = openDialog();
  fireEvent.keyDown(screen.getByTestId('field-tracking'), { key: 'Escape' });
  expect(screen.queryByRole('dialog')).toBeNull();
  await waitFor(() => expect(document.activeElement).toBe(opener));
});

test('the close button closes it too, and a click on the backdrop does not (nothing typed is lost)', async () => {
  const opener = openDialog();
  fireEvent.change(screen.getByTestId('field-tracking'), { target: { value: '1Z999' } });
  const backdrop = document.querySelector('.dialog-backdrop') as HTMLElement;
  fireEvent.pointerDown(backdrop);
  fireEvent.pointerUp(backdrop);
  fireEvent.click(backdrop);
  expect(screen.getByTestId<HTMLInputElement>('field-tracking').value).toBe('1Z999');
  const close = screen.getByTestId('dialog-close');
  close.focus();
  fireEvent.click(close);
  expect(screen.queryByRole('dialog')).toBeNull();
  await waitFor(() => expect(document.activeElement).toBe(opener));
});
