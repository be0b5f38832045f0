import { checkEmailAddress, checkPersonName, emailKeyOf } from './email-address';

describe('e-mail addresses and names', () => {
  it('keys an address by its lower-cased trimmed form', () => {
    expect(emailKeyOf('  Ana.Lopez@Example.COM ')).toBe('ana.lopez@example.com');
  });

  it('keeps a valid address as typed, trimmed', () => {
    expect(checkEmailAddress(' Ana+ops@mail.example.co.uk ', 'input.email')).toBe('Ana+ops@mail.example.co.uk');
  });

  it.each([
    ['', /^input\.email: is required\.$/],
    ['ana', /must be an e-mail address such as name@example\.com \(got "ana"\)/],
    ['ana@localhost', /must be an e-mail address/],
    ['ana@@example.com', /must be an e-mail address/],
    ['ana @example.com', /must be an e-mail address/],
    ['ana@example..com', /must be an e-mail address/],
    [`${'a'.repeat(310)}@example.com`, /at most 320 characters/],
  ])('refuses %j naming the field', (email, message) => {
    expect(() => checkEmailAddress(email, 'input.email')).toThrow(message);
  });

  it('wants a name of 1 to 120 characters once trimmed', () => {
    expect(checkPersonName('  Ana  ', 'input.name')).toBe('Ana');
    expect(() => checkPersonName('   ', 'input.name')).toThrow('input.name: must be 1 to 120 characters.');
    expect(() => checkPersonName('x'.repeat(121), 'input.name')).toThrow(/1 to 120/);
  });
});
