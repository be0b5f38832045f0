import { safeHttpUrl } from './safe-http-url';

describe('safeHttpUrl', () => {
  it.each([
    ['https://www.ups.com/track?tracknum=1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    [
      'http://tools.usps.com/go/TrackConfirmAction?tLabels=9400',
      'http://tools.usps.com/go/TrackConfirmAction?tLabels=9400',
    ],
    ['  HTTPS://WWW.FedEx.com/fedextrack/?trknbr=1  ', 'https://www.fedex.com/fedextrack/?trknbr=1'],
  ])('keeps the http(s) URL %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    '//evil.example/x',
    '/track/123',
    'www.ups.com/track',
    'https://',
    '',
    '   ',
    null,
    undefined,
  ])('drops %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });

  it('drops a URL longer than 2,048 characters', () => {
    expect(safeHttpUrl(`https://example.com/${'a'.repeat(2048)}`)).toBeNull();
  });
});
