/**
 * Who did something, in words: the api records `user:<e-mail>` for people and `token:<name>` for API tokens.
 * `system:<what>` (the first start's invitation) is the hub itself. Anything else (older rows, a bare name) is
 * shown as it was stored.
 */
export function formatActor(actor: string | null | undefined, empty = 'someone'): string {
  if (!actor) return empty;
  if (actor.startsWith('user:')) return actor.slice('user:'.length);
  if (actor.startsWith('token:')) return `API token ${actor.slice('token:'.length)}`;
  if (actor.startsWith('system:')) return 'the hub';
  return actor;
}
