import { z } from 'zod';

/** A credential field the channel requires (trimmed, not empty). */
export const requiredCredential = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, { message: `${what} is required` });
