import { isForwarded, splitQuoted } from './mail-text';

describe('splitQuoted', () => {
  it.each<[string, string, string, string]>([
    ['no quote', 'Tracking 1Z999AA10123456784\nThanks', 'Tracking 1Z999AA10123456784\nThanks', ''],
    [
      'Gmail "On … wrote:"',
      'Shipped today.\n\nOn Thu, Dec 3, 2026 at 9:14 AM Sam <sam@shop.example> wrote:\n> Please ship PO 1796277083022',
      'Shipped today.',
      'On Thu, Dec 3, 2026 at 9:14 AM Sam <sam@shop.example> wrote:\n> Please ship PO 1796277083022',
    ],
    [
      'Gmail wrapping the attribution over two lines',
      'Done.\n\nOn Thu, Dec 3, 2026 at 9:14 AM Orders Team <orders@shop.example>\nwrote:\n> old',
      'Done.',
      'On Thu, Dec 3, 2026 at 9:14 AM Orders Team <orders@shop.example>\nwrote:\n> old',
    ],
    [
      'a line starting "On" earlier in the reply is not the attribution',
      'On Monday we shipped it.\nTracking 1Z999AA10123456784\n\nOn Thu, Dec 3, 2026 at 9:14 AM Sam <sam@shop.example> wrote:\n> hi',
      'On Monday we shipped it.\nTracking 1Z999AA10123456784',
      'On Thu, Dec 3, 2026 at 9:14 AM Sam <sam@shop.example> wrote:\n> hi',
    ],
    ['"> " lines only', 'Yes\n> earlier text', 'Yes', '> earlier text'],
    [
      'Outlook header block',
      'See below.\n\nFrom: Acme Orders <orders@acme.example>\nSent: Thursday, December 3, 2026 9:14 AM\nTo: shop\nSubject: PO',
      'See below.',
      'From: Acme Orders <orders@acme.example>\nSent: Thursday, December 3, 2026 9:14 AM\nTo: shop\nSubject: PO',
    ],
    [
      'a forwarded message',
      'FYI\n\n---------- Forwarded message ---------\nFrom: Acme <a@acme.example>\nTracking 1Z999AA10123456784',
      'FYI',
      '---------- Forwarded message ---------\nFrom: Acme <a@acme.example>\nTracking 1Z999AA10123456784',
    ],
  ])('%s', (_name, text, fresh, quoted) => {
    expect(splitQuoted(text)).toEqual({ fresh, quoted });
  });
});

describe('isForwarded', () => {
  it.each<[string, string, boolean]>([
    ['Fwd: Your order has shipped', '', true],
    ['FW: PO-261204-1', '', true],
    ['Re: Fwd: tracking', '', true],
    ['WG: Versand', '', true],
    ['Tracking for your order', '---------- Forwarded message ---------\nFrom: x', true],
    ['Tracking', 'Begin forwarded message:\n\nFrom: UPS', true],
    ['Re: Tracking for your order', 'On Thu wrote:\n> hi', false],
    ['Forwarding update for PO 1', 'We forwarded the parcel', false],
  ])('%s → %s', (subject, text, expected) => {
    expect(isForwarded(subject, text)).toBe(expected);
  });
});
