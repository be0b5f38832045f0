import { AuthRequestError } from '@/lib/auth-request';

/**
 * The words to show for a refused sign-in step: the server's own message (it is written for people and is the
 * same for every wrong e-mail or password), with the lockout's minutes added when the server gave only seconds.
 */
export function authErrorMessage(error: unknown): string {
  if (!(error instanceof AuthRequestError)) return error instanceof Error ? error.message : 'Something went wrong.';
  if (error.status === 429 && error.retryAfterSeconds !== null && !/\d/.test(error.message)) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return `${error.message} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return error.message;
}

/** A refusal that names one of `fields` goes beside that input; everything else above the form. */
export function splitAuthError<TField extends string>(
  error: unknown,
  fields: readonly TField[],
): { field: TField | null; message: string | null } {
  if (error == null) return { field: null, message: null };
  const named = error instanceof AuthRequestError ? error.field : null;
  const field = fields.find((candidate) => candidate === named) ?? null;
  const message = authErrorMessage(error);
  // Beside its input the server's "password: …" prefix is noise.
  const prefix = error instanceof AuthRequestError && error.fieldPath ? `${error.fieldPath}: ` : null;
  return { field, message: field && prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message };
}
