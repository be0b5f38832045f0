import { ChannelError, type ChannelErrorKind } from 'src/modules/channels/channel-error';
import { LabelError } from 'src/modules/labels/label-seller';
import { labelErrorOf } from './amazon-shipping';

const amazon = (kind: ChannelErrorKind, message: string, code?: string) =>
  new ChannelError('AMAZON', kind, message, { code });

describe("labelErrorOf: Amazon's refusals as the operator reads them", () => {
  it.each([
    [
      'purchase',
      amazon('INVALID_REQUEST', 'The requestToken has expired', 'TOKEN_EXPIRED'),
      'RATE_EXPIRED',
      /Get the rates again/,
    ],
    [
      'purchase',
      amazon('INVALID_REQUEST', 'UPS declined the purchase', 'InvalidRequest'),
      'PURCHASE_REFUSED',
      /^Amazon refused to sell this label: UPS declined/,
    ],
    ['purchase', amazon('SERVER', 'Service temporarily unavailable'), 'UNAVAILABLE', /Nothing was bought; try again/],
    ['purchase', amazon('NETWORK', 'Could not reach the channel'), 'UNAVAILABLE', /Nothing was bought/],
    ['purchase', amazon('AUTH', 'Access to requested resource is denied.'), 'NOT_CONFIGURED', /Reconnect the account/],
    [
      'rates',
      amazon('INVALID_REQUEST', 'shipTo.postalCode 1234 is not a US ZIP code'),
      'ADDRESS_UNSERVICEABLE',
      /cannot ship with this address: shipTo\.postalCode/,
    ],
    [
      'rates',
      amazon('INVALID_REQUEST', 'packages must list exactly one package'),
      'PURCHASE_REFUSED',
      /refused the rate request/,
    ],
    ['rates', amazon('THROTTLED', 'You exceeded your quota'), 'UNAVAILABLE', /did not answer/],
    ['document', amazon('SERVER', 'We encountered an internal error'), 'DOCUMENT_FAILED', /was bought .*Reprint/],
    ['document', amazon('NOT_FOUND', 'Shipment 1 not found'), 'DOCUMENT_FAILED', /did not send the label/],
    [
      'void',
      amazon('INVALID_REQUEST', 'the carrier scanned the package'),
      'VOID_REFUSED',
      /refused to cancel the label: the carrier scanned/,
    ],
    [
      'void',
      amazon('SERVER', 'Service temporarily unavailable'),
      'UNAVAILABLE',
      /The label is not cancelled; try again/,
    ],
  ] as const)('%s: %s → %s', (stage, err, code, message) => {
    const mapped = labelErrorOf(err, stage);
    expect(mapped).toBeInstanceOf(LabelError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.providerMessage).toBe(err.message);
  });

  it('passes a LabelError through and does not swallow a bug', () => {
    const own = new LabelError('DOCUMENT_FAILED', 'no document');
    expect(labelErrorOf(own, 'document')).toBe(own);
    expect(() => labelErrorOf(new TypeError('x is undefined'), 'purchase')).toThrow(TypeError);
  });
});
