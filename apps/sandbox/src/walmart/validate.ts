import { invalidContent } from './errors';

/** Small readers for request bodies: each failure names the JSON path of the offending field. */
export function obj(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidContent(path, `${path} is required and must be an object`);
  return value as Record<string, unknown>;
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidContent(path, `${path} must be a non-empty array`);
  return value;
}

export function text(value: unknown, path: string, options: { optional?: boolean; maxLength?: number } = {}): string {
  if (value === undefined && options.optional) return '';
  if (typeof value !== 'string' || value.trim() === '') throw invalidContent(path, `${path} is required and must be a non-empty string`);
  if (options.maxLength !== undefined && value.length > options.maxLength) throw invalidContent(path, `${path} must be at most ${options.maxLength} characters`);
  return value;
}

export function oneOf(value: unknown, path: string, allowed: readonly string[]): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw invalidContent(path, `${path} value ${JSON.stringify(value)} is not allowed; expected one of: ${allowed.join(', ')}`);
  }
  return value;
}

/** Walmart sends and expects quantities as strings (`"amount": "1"`). */
export function quantity(value: unknown, path: string): number {
  const q = obj(value, path);
  oneOf(q.unitOfMeasurement, `${path}.unitOfMeasurement`, ['EACH', 'EA']);
  if (typeof q.amount !== 'string' || !/^[1-9]\d*$/.test(q.amount)) {
    throw invalidContent(`${path}.amount`, `${path}.amount must be a positive whole number sent as a string, e.g. "1"`);
  }
  return Number(q.amount);
}

export function epochMillis(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 946684800000) {
    throw invalidContent(path, `${path} must be a date as epoch milliseconds (UTC)`);
  }
  return value;
}

export function bool(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalidContent(path, `${path} must be true or false`);
  return value;
}
