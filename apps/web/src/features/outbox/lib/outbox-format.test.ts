import { refusalWords } from './outbox-format';

test.each([
  [
    'WALMART orders.ship 400 INVALID_REQUEST_CONTENT.GMP_ORDER_API: INVALID_REQUEST_CONTENT :: Line 1 of PO 7343396915717 has a customer intent to cancel',
    'Line 1 of PO 7343396915717 has a customer intent to cancel',
  ],
  ['WALMART orders.cancel 400 INVALID_REQUEST_CONTENT: Too many lines', 'Too many lines'],
  [
    'Gave up after 2 attempts: WALMART orders.cancel 500 SERVER_ERROR: Internal error',
    'Gave up after 2 attempts: Internal error',
  ],
  ['The channel refused it without a message.', 'The channel refused it without a message.'],
])('a refusal reads as the channel said it: %s', (message, words) => expect(refusalWords(message)).toBe(words));
