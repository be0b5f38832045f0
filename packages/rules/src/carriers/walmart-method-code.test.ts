import { walmartMethodCode } from './walmart-method-code';

describe('walmartMethodCode', () => {
  it.each([
    ['Express', 'Express'],
    ['one day', 'OneDay'],
    ['ONE_DAY', 'OneDay'],
    ['white-glove', 'WhiteGlove'],
    ['freight', 'Freight'],
    ['value', 'Value'],
    ['Ground', 'Standard'],
    ['', 'Standard'],
    [null, 'Standard'],
  ])('%p is %p', (service, code) => {
    expect(walmartMethodCode(service)).toBe(code);
  });
});
