import { formErrorsOf } from './field-errors';
import { GraphQLRequestError } from './graphql-client';

const INPUTS = { 'input.baseUrl': 'baseUrl', 'input.credentials.clientSecret': 'clientSecret' } as const;

function badInput(field: string, message: string) {
  return { message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } };
}

test('puts a message next to the input the server named, without the path prefix', () => {
  const payload = badInput('input.credentials.clientSecret', 'clientSecret is required.');
  const errors = formErrorsOf(new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]), INPUTS);
  expect(errors.fields).toEqual({ clientSecret: 'clientSecret is required.' });
  expect(errors.form).toBeNull();
});

test('keeps the first message per input and sends unknown paths to the form', () => {
  const payloads = [
    badInput('input.baseUrl', 'must be an http(s) URL.'),
    badInput('input.baseUrl', 'must be at most 500 characters.'),
    badInput('input.credentials', 'secret is not a WALMART credential.'),
  ];
  const errors = formErrorsOf(new GraphQLRequestError(payloads[0].message, 'BAD_USER_INPUT', payloads), INPUTS);
  expect(errors.fields).toEqual({ baseUrl: 'must be an http(s) URL.' });
  expect(errors.form?.message).toBe('input.credentials: secret is not a WALMART credential.');
  expect(errors.form?.code).toBe('BAD_USER_INPUT');
});

test('errors without a field are form-level, with their code', () => {
  const forbidden = {
    message: 'This operation needs the ADMIN role; the token has OPERATOR.',
    extensions: { code: 'FORBIDDEN' },
  };
  const errors = formErrorsOf(new GraphQLRequestError(forbidden.message, 'FORBIDDEN', [forbidden]), INPUTS);
  expect(errors.fields).toEqual({});
  expect(errors.form?.code).toBe('FORBIDDEN');
  expect(errors.form?.message).toBe(forbidden.message);

  const network = formErrorsOf(new GraphQLRequestError('Cannot reach the server: refused', 'NETWORK_ERROR'), INPUTS);
  expect(network.form?.code).toBe('NETWORK_ERROR');
});

test('does not look up inherited names as inputs', () => {
  const payload = badInput('toString', 'odd.');
  const errors = formErrorsOf(new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]), INPUTS);
  expect(errors.fields).toEqual({});
  expect(errors.form).not.toBeNull();
});

test('no error, no messages; a plain Error is form-level', () => {
  expect(formErrorsOf(null, INPUTS)).toEqual({ fields: {}, form: null });
  expect(formErrorsOf(new Error('boom'), INPUTS).form?.message).toBe('boom');
});
