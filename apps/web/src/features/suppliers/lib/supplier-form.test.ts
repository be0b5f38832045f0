import { checkSupplierForm, emptySupplierForm, splitAddresses, supplierFormOf } from './supplier-form';

test('a filled form becomes the input: trimmed, addresses split and lower-cased, numbers as numbers', () => {
  const result = checkSupplierForm({
    ...emptySupplierForm(),
    name: ' Acme Toys ',
    email: 'po@acme.test',
    senderAddresses: 'Ship@Acme.test, @acme-logistics.test\nship@acme.test',
    leadTimeBusinessDays: '3',
    trackingDeadlineHours: '12',
  });
  expect(result.errors).toBeNull();
  expect(result.input).toEqual({
    name: 'Acme Toys',
    contactName: null,
    email: 'po@acme.test',
    senderAddresses: ['ship@acme.test', '@acme-logistics.test'],
    phone: null,
    leadTimeBusinessDays: 3,
    trackingDeadlineHours: 12,
    poMethod: 'EMAIL',
    poFormat: 'CSV',
    active: true,
  });
});

test('each wrong field is named in words', () => {
  const result = checkSupplierForm({
    ...emptySupplierForm(),
    senderAddresses: 'acme.test',
    leadTimeBusinessDays: '1.5',
    trackingDeadlineHours: '-1',
  });
  expect(result.errors).toEqual({
    name: 'Give the supplier a name.',
    email: 'Purchase orders sent by e-mail need the address to send them to.',
    senderAddresses: 'Not an address or an @domain: acme.test.',
    leadTimeBusinessDays: 'Lead time is a whole number of business days, 0 to 60.',
    trackingDeadlineHours: 'Tracking deadline is a whole number of hours, 0 to 240.',
  });
});

test('a link-only supplier needs no e-mail; an existing supplier fills the form back', () => {
  expect(checkSupplierForm({ ...emptySupplierForm(), name: 'B', poMethod: 'LINK' }).errors).toBeNull();
  const form = supplierFormOf({
    name: 'Acme',
    contactName: null,
    email: 'po@acme.test',
    senderAddresses: ['a@acme.test', '@acme.test'],
    phone: null,
    leadTimeBusinessDays: 2,
    trackingDeadlineHours: 24,
    poMethod: 'LINK',
    poFormat: 'PDF',
    active: false,
  });
  expect(form.senderAddresses).toBe('a@acme.test\n@acme.test');
  expect(splitAddresses(form.senderAddresses)).toEqual(['a@acme.test', '@acme.test']);
  expect(form.trackingDeadlineHours).toBe('24');
});
