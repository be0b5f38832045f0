import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { buyerMessage, mailMessage } from '../test/message-fixtures';
import { BuyerMessagesList } from './buyer-messages-list';
import { MailReadList } from './mail-read-list';
import { MarkAnsweredDialog } from './mark-answered-dialog';

const renderIn = (node: ReactNode) => render(<MemoryRouter>{node}</MemoryRouter>);

test("a buyer message shows its channel, order, sender, received time in the account's zone, clock and the channel's reply link", () => {
  const mark = jest.fn();
  renderIn(<BuyerMessagesList messages={[buyerMessage()]} onMarkAnswered={mark} />);
  const row = screen.getByTestId('buyer-message');
  expect(row.textContent).toContain('Walmart');
  expect(within(row).getByTestId('buyer-message-order').getAttribute('href')).toBe('/orders/ord-1');
  expect(within(row).getByTestId('buyer-message-received').textContent).toBe('Dec 2, 13:00 EST');
  expect(within(row).getByTestId('buyer-message-clock').textContent).toBe('answer within 11 h');
  const reply = within(row).getByTestId('buyer-message-reply');
  expect(reply.getAttribute('href')).toBe(
    'https://seller.walmart.com/order-management/details?orderGroups=1796000000001',
  );
  expect(reply.getAttribute('target')).toBe('_blank');
  fireEvent.click(within(row).getByTestId('buyer-message-mark-answered'));
  expect(mark).toHaveBeenCalledWith(expect.objectContaining({ id: 'bm-1' }));
});

test('an answered message says when and by whom, and offers no "Mark answered"; a viewer gets no button at all', () => {
  renderIn(
    <BuyerMessagesList
      messages={[
        buyerMessage({
          state: 'ANSWERED',
          answeredAt: '2026-12-03T01:00:00.000Z',
          answeredBy: 'mail:<r1@example.com>',
        }),
        buyerMessage({ id: 'bm-2', state: 'OVERDUE', hoursLeft: -3.4, order: null }),
      ]}
    />,
  );
  const [answered, overdue] = screen.getAllByTestId('buyer-message');
  expect(within(answered).getByTestId('buyer-message-clock').textContent).toBe('answered');
  expect(within(answered).getByTestId('buyer-message-answered').textContent).toBe(
    'Dec 2, 20:00 EST by your reply seen in Sent',
  );
  expect(within(overdue).getByTestId('buyer-message-clock').textContent).toBe('overdue by 3 h');
  expect(overdue.textContent).toContain('No order named');
  expect(screen.queryByTestId('buyer-message-mark-answered')).toBeNull();
});

test('a performance e-mail links to the channel warning it became instead of a reply page', () => {
  renderIn(<BuyerMessagesList messages={[buyerMessage({ kind: 'PERFORMANCE_ALERT', channelWarningId: 'w-1' })]} />);
  expect(screen.getByTestId('performance-warning-link').getAttribute('href')).toBe('/alerts#warning-w-1');
  expect(screen.queryByTestId('buyer-message-reply')).toBeNull();
});

test('Mark answered asks for a note in words before saving it', () => {
  const submit = jest.fn();
  render(
    <MarkAnsweredDialog message={buyerMessage()} pending={false} error={null} onSubmit={submit} onClose={jest.fn()} />,
  );
  const note = screen.getByTestId('mark-answered-note');
  expect(document.activeElement).toBe(note);
  fireEvent.click(screen.getByTestId('mark-answered-save'));
  expect(submit).not.toHaveBeenCalled();
  expect(screen.getByRole('alert').textContent).toMatch(/Say how it was answered/);
  fireEvent.change(note, { target: { value: ' Answered by phone ' } });
  fireEvent.click(screen.getByTestId('mark-answered-save'));
  expect(submit).toHaveBeenCalledWith('Answered by phone');
});

test('the mail read says, in words, what each message was and what the hub did, in the zone given', () => {
  renderIn(
    <MailReadList
      messages={[
        mailMessage(),
        mailMessage({
          id: 'mail-2',
          kind: 'SUPPLIER_TRACKING',
          outcome: 'HELD',
          summary: 'Held: the message names two orders.',
          reasons: ['The message names two orders: which one ships is for a person to say.'],
          orders: [],
        }),
      ]}
      zoneOf={() => 'America/Los_Angeles'}
    />,
  );
  const [applied, held] = screen.getAllByTestId('mail-message');
  expect(applied.textContent).toContain('Acme Supply');
  expect(applied.textContent).toContain('in Junk');
  expect(within(applied).getByTestId('mail-message-received').textContent).toBe('Dec 2, 07:30 PST');
  expect(within(applied).getByTestId('mail-message-outcome').textContent).toContain('Applied');
  expect(within(applied).getByTestId('mail-message-outcome').textContent).toContain(
    'Tracking number found: 1Z999AA10123456784',
  );
  expect(within(applied).getByTestId('mail-message-order').getAttribute('href')).toBe('/orders/ord-2');
  expect(within(held).getByTestId('mail-message-outcome').textContent).toContain('Held for review');
  expect(held.textContent).toContain('which one ships is for a person to say');
  expect(screen.getByTestId('mail-read').textContent).not.toMatch(/SUPPLIER_TRACKING|APPLIED|JUNK/);
});
