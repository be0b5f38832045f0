import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

/** A kind of DataLoader, defined by the module that owns the table it reads. */
export interface LoaderKind<K, V> {
  readonly name: string;
  create(ds: DataSource): DataLoader<K, V>;
}

export function defineLoader<K, V>(name: string, create: (ds: DataSource) => DataLoader<K, V>): LoaderKind<K, V> {
  return { name, create };
}

/**
 * The DataLoaders of one GraphQL request, each made on first use: fresh per request, so no caller ever sees
 * another request's cached rows, and `common` needs to know no module's tables.
 */
export class RequestLoaders {
  private readonly made = new Map<LoaderKind<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly ds: DataSource) {}

  of<K, V>(kind: LoaderKind<K, V>): DataLoader<K, V> {
    let loader = this.made.get(kind) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = kind.create(this.ds);
      this.made.set(kind, loader);
    }
    return loader;
  }
}
