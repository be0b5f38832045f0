/**
 * Who did something, in words: the api records `user:<e-mail>` for people and `token:<name>` for API tokens.
 * Anything else (older rows, `system`, a bare name) is shown as it was stored.
 */
export function formatActor(actor: string | null | undefined, empty = 'someone'): string {
  if (!actor) return empty;
  if (actor.startsWith('user:')) return actor.slice('user:'.length);
  if (actor.startsWith('token:')) return `API token ${actor.slice('token:'.length)}`;
  return actor;
}
