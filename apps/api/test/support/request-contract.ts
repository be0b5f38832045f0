import { type ContractApi, checkRequest, findOperation } from '@order-hub/contracts';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | null;
}

/** Records every request this process sends with fetch (the adapters' HTTP), passing it on unchanged. */
export function recordRequests(): { requests: RecordedRequest[]; restore(): void } {
  const original = globalThis.fetch;
  const requests: RecordedRequest[] = [];
  globalThis.fetch = (input, init) => {
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    requests.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url: new URL(input instanceof Request ? input.url : input.toString()),
      headers,
      body: typeof init?.body === 'string' ? init.body : null,
    });
    return original(input, init);
  };
  return { requests, restore: () => (globalThis.fetch = original) };
}

/** What in a request the official model does not allow: an unknown operation, missing or unknown parameters, bad values, a bad body. */
export function contractViolations(req: RecordedRequest): string[] {
  const [, api, path] = /^\/(walmart|amazon)(\/.*)$/.exec(req.url.pathname) ?? [];
  const op = api ? findOperation(api as ContractApi, req.method, path) : undefined;
  if (!op) return [`${req.method} ${req.url.pathname}: no such operation in the models`];
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(req.url.searchParams.keys())) {
    const values = req.url.searchParams.getAll(name);
    query[name] = values.length > 1 ? values : values[0];
  }
  const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
  const body =
    req.body === null
      ? undefined
      : form
        ? Object.fromEntries(new URLSearchParams(req.body))
        : (JSON.parse(req.body) as unknown);
  return checkRequest(op, { body, query, headers: req.headers }).map(
    (v) => `${req.method} ${req.url.pathname}: ${v.field}: ${v.message}`,
  );
}
