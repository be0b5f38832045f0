import type { Channel } from '@order-hub/types';
import { z } from 'zod';
import { BadUserInputError } from 'src/common/errors/app-error';
import { parseCredentials } from './channel-credentials';

export const accountFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty.' })
    .max(120, { message: 'must be at most 120 characters.' }),
  marketplace: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty.' })
    .max(32, { message: 'must be at most 32 characters.' }),
  baseUrl: z
    .string()
    .trim()
    .url({ message: 'must be an http(s) URL such as https://marketplace.walmartapis.com.' })
    .refine((v) => /^https?:\/\//.test(v), {
      message: 'must be an http(s) URL such as https://marketplace.walmartapis.com.',
    })
    .max(500, { message: 'must be at most 500 characters.' }),
  timeZone: z.string().trim().min(1, { message: 'must not be empty.' }),
});

/** Credentials checked against what the channel issues; the error names `<prefix>.credentials.<field>`. */
export function checkedCredentials(channel: Channel, value: unknown, prefix: string): Record<string, string> {
  const cleaned = Object.fromEntries(
    Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined),
  );
  const result = parseCredentials(channel, cleaned);
  if (!result.ok)
    throw new BadUserInputError(`${prefix}.credentials${result.field ? `.${result.field}` : ''}`, result.message + '.');
  return result.value;
}
