import { BadUserInputError } from 'src/common/errors/app-error';

/**
 * Where the tracking provider's API key may go. As with channel credentials (channels/channel-hosts.ts), the key is
 * sent to `baseUrl`, so the URL is part of what the key is trusted with: only EasyPost's published host unless the
 * hub allows custom hosts (ALLOW_CUSTOM_CHANNEL_HOSTS=true: a forwarding proxy, the sandbox), and a new URL needs
 * the key entered again with it.
 */
export const EASYPOST_PUBLISHED_HOSTS = {
  hosts: ['api.easypost.com'],
  source:
    'EasyPost API reference, "Authentication" (https://api.easypost.com/v2): shared/docs/reference/carrier-tracking.md',
} as const;

/** The URL as the client wants it (ending in `/v2/`), or BAD_USER_INPUT naming `field` and the rule. */
export function checkedBaseUrl(field: string, value: string, allowCustomHosts: boolean): string {
  const url = parse(value.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new BadUserInputError(field, 'must be an http(s) URL such as https://api.easypost.com/v2/.');
  if (url.username || url.password || url.search || url.hash)
    throw new BadUserInputError(field, 'must not carry a user name, password, query or fragment.');
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (!path.endsWith('/v2/'))
    throw new BadUserInputError(
      field,
      `must end with /v2/ (EasyPost's API version), e.g. https://api.easypost.com/v2/.`,
    );
  url.pathname = path;
  const published =
    url.protocol === 'https:' &&
    url.port === '' &&
    (EASYPOST_PUBLISHED_HOSTS.hosts as readonly string[]).includes(url.hostname);
  if (!published && !allowCustomHosts)
    throw new BadUserInputError(
      field,
      `must be EasyPost's published host (${EASYPOST_PUBLISHED_HOSTS.hosts.map((h) => `https://${h}/v2/`).join(', ')}); another host needs ALLOW_CUSTOM_CHANNEL_HOSTS=true on the hub.`,
    );
  return url.href;
}

/** Refuses a new `baseUrl` without the API key entered again with it (the stored key only goes where it was entered for). */
export function checkKeyFollowsBaseUrl(
  stored: string,
  given: string | undefined,
  apiKeyGiven: boolean,
  hasKey: boolean,
): void {
  if (given === undefined || apiKeyGiven || !hasKey || stored === given) return;
  throw new BadUserInputError(
    'input.apiKey',
    'must be entered again to change baseUrl: the stored API key is only ever sent to the host it was entered for.',
  );
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
