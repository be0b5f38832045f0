/** A one-time link that cannot be used: unknown (404), or used, superseded or expired (410). */
export class LinkRefusedError extends Error {
  constructor(
    readonly status: 404 | 410,
    message: string,
  ) {
    super(message);
    this.name = 'LinkRefusedError';
  }
}
