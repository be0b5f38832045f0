import { invalidInput } from './errors';

/** Request readers for SP-API bodies; each error names the offending field as Amazon's messages do. */
export function obj(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidInput(`${path} is required and must be an object`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown, path: string, options: { max?: number; optional?: boolean } = {}): unknown[] {
  if (value === undefined && options.optional) return [];
  if (!Array.isArray(value) || value.length === 0) throw invalidInput(`${path} must be a non-empty array`);
  if (options.max !== undefined && value.length > options.max)
    throw invalidInput(`${path} must have at most ${options.max} entries`);
  return value;
}

export function str(
  value: unknown,
  path: string,
  options: { max?: number; optional?: boolean; pattern?: RegExp } = {},
): string | undefined {
  if (value === undefined && options.optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidInput(`${path} is required and must be a non-empty string`);
  if (options.max !== undefined && value.length > options.max)
    throw invalidInput(`${path} must be at most ${options.max} characters`);
  if (options.pattern && !options.pattern.test(value)) throw invalidInput(`${path} has an invalid format`);
  return value;
}

export function req(value: unknown, path: string, options: { max?: number; pattern?: RegExp } = {}): string {
  return str(value, path, options) as string;
}

export function enumValue<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  optional = false,
): T | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw invalidInput(`${path} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

export function positiveInt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw invalidInput(`${path} must be a positive integer`);
  return value;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isoDateTime(value: unknown, path: string): number {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidInput(`${path} must be an ISO 8601 date-time, e.g. 2026-11-20T15:04:05Z`);
  }
  return Date.parse(value);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
