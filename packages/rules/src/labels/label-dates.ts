/** "Dec 9" (with the year when it is not `reference`'s), in the time zone given (UTC unless told). */
export function dayInWords(at: Date, timeZone = 'UTC', reference?: Date): string {
  const sameYear =
    !reference ||
    new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(at) ===
      new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(reference);
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(at);
}

/** "Dec 9, 3:00 PM" in the time zone given. */
export function instantInWords(at: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
}
