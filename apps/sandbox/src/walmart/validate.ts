import { invalidContent } from './errors';

/**
 * Walmart's rules beyond the model (its shapes, types and enums are checked before a route runs): each failure
 * names the JSON path of the offending field.
 */
/** The model leaves the body's one root property optional; Walmart answers a body without it as invalid. */
export function root<T>(body: unknown, name: string): T {
  const value = (body as Record<string, unknown> | null)?.[name];
  if (value === undefined) throw invalidContent(name, `${name} is required`);
  return value as T;
}

export function nonEmpty<T>(value: T[], path: string): T[] {
  if (value.length === 0) throw invalidContent(path, `${path} must list at least one entry`);
  return value;
}

export function text(value: string, path: string, options: { maxLength?: number } = {}): string {
  if (value.trim() === '') throw invalidContent(path, `${path} must not be empty`);
  if (options.maxLength !== undefined && value.length > options.maxLength)
    throw invalidContent(path, `${path} must be at most ${options.maxLength} characters`);
  return value;
}

export function oneOf(value: string, path: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw invalidContent(
      path,
      `${path} value ${JSON.stringify(value)} is not allowed here; expected one of: ${allowed.join(', ')}`,
    );
  return value;
}

export interface WalmartQuantity {
  unitOfMeasurement: string;
  amount: string;
}

/** Walmart sends and expects quantities as strings (`"amount": "1"`). */
export function quantity(q: WalmartQuantity, path: string): number {
  if (!/^[1-9]\d*$/.test(q.amount))
    throw invalidContent(`${path}.amount`, `${path}.amount must be a positive whole number sent as a string, e.g. "1"`);
  return Number(q.amount);
}

export function epochMillis(value: number, path: string): number {
  if (value < 946684800000) throw invalidContent(path, `${path} must be a date as epoch milliseconds (UTC)`);
  return value;
}
