import { reasonsInWords } from './intake-words';

test("a held row's reasons read blocks first, each once", () => {
  expect(
    reasonsInWords([
      { message: 'The e-mail names two orders.', severity: 'WARN' },
      { message: 'The check digit is wrong: 1Z999AA10123456785 is not a UPS number.', severity: 'BLOCK' },
      { message: 'The e-mail names two orders.', severity: 'WARN' },
      { message: ' ' },
    ]),
  ).toEqual(['The check digit is wrong: 1Z999AA10123456785 is not a UPS number.', 'The e-mail names two orders.']);
});
