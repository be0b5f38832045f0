// Hierarchical query keys (after medusa's lib/query-key-factory.ts): invalidating `all` or `lists()`
// reaches every key below it.
export function queryKeysFactory<const TResource extends string>(resource: TResource) {
  const all = [resource] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: <TParams extends object>(params: TParams) => [...all, 'list', params] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
}
