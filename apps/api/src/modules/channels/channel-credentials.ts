import type { Channel } from '@order-hub/types';
import { z } from 'zod';

const required = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, { message: `${what} is required` });

/** What each channel issues a seller; checked when an account is saved, so a sync never starts half-configured. */
export const CREDENTIAL_SCHEMAS = {
  WALMART: z.object({ clientId: required('clientId'), clientSecret: required('clientSecret') }).strict(),
  AMAZON: z
    .object({
      clientId: required('clientId'),
      clientSecret: required('clientSecret'),
      refreshToken: required('refreshToken'),
      lwaEndpoint: z.string().url({ message: 'lwaEndpoint must be an http(s) URL' }).optional(),
      /** The seller's merchant token (Seller Central › Account info); feeds name it as MerchantIdentifier. */
      sellerId: z.string().trim().min(1, { message: 'sellerId must not be empty' }).optional(),
    })
    .strict(),
} satisfies Record<Channel, z.ZodType>;

export type ChannelCredentials<C extends Channel> = z.infer<(typeof CREDENTIAL_SCHEMAS)[C]>;

/** The parsed credentials, or the first problem as [field, message]. */
export function parseCredentials(
  channel: Channel,
  value: unknown,
): { ok: true; value: Record<string, string> } | { ok: false; field: string; message: string } {
  const parsed = CREDENTIAL_SCHEMAS[channel].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? String(issue.path[0]) : '';
  const message =
    issue.code === 'unrecognized_keys'
      ? `${issue.keys.join(', ')} ${issue.keys.length > 1 ? 'are' : 'is'} not a ${channel} credential`
      : issue.message;
  return { ok: false, field, message };
}
