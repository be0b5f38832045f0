import { GraphQLRequestError } from './graphql-client';

export interface FormErrors<TField extends string> {
  /** Messages to show next to the inputs the server named. */
  fields: Partial<Record<TField, string>>;
  /** What no input explains (another code, or a path the form has no input for), for a form-level error. */
  form: GraphQLRequestError | null;
}

const NO_ERRORS: FormErrors<never> = { fields: {}, form: null };

/**
 * Splits a failed save into messages next to the inputs named by `extensions.field` (looked up in
 * `inputs`, e.g. `input.credentials.clientSecret` → `clientSecret`) and one form-level error for the rest.
 * The server prefixes messages with the path ("input.baseUrl: must be …"); beside the input it is noise.
 */
export function formErrorsOf<TField extends string>(
  error: unknown,
  inputs: Readonly<Record<string, TField>>,
): FormErrors<TField> {
  if (error == null) return NO_ERRORS;
  if (!(error instanceof GraphQLRequestError)) {
    return {
      fields: {},
      form: new GraphQLRequestError(error instanceof Error ? error.message : 'The request failed.', 'UNKNOWN'),
    };
  }
  const fields: Partial<Record<TField, string>> = {};
  let form: GraphQLRequestError | null = null;
  const payloads =
    error.errors.length > 0 ? error.errors : [{ message: error.message, extensions: { code: error.code } }];
  for (const payload of payloads) {
    const path = payload.extensions?.field;
    const input = path !== undefined && Object.hasOwn(inputs, path) ? inputs[path] : undefined;
    if (input !== undefined) {
      fields[input] ??= withoutPath(payload.message, path!);
    } else {
      form ??= new GraphQLRequestError(payload.message, payload.extensions?.code ?? error.code, [payload]);
    }
  }
  return { fields, form };
}

function withoutPath(message: string, path: string): string {
  const prefix = `${path}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
