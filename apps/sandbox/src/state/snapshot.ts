import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { EasyPostSimulator, EasyPostState } from '../easypost/simulator';
import type { AccountData, IssuedToken } from './types';
import { Store } from './store';

interface SnapshotFile {
  version: 1;
  accounts: {
    [K in keyof AccountData]: AccountData[K] extends Map<string, infer V> ? [string, V][] : AccountData[K];
  }[];
  walmartTokens: [string, IssuedToken][];
  amazonTokens: [string, IssuedToken][];
  /** Absent in snapshots written before the EasyPost simulator. */
  easypost?: EasyPostState;
}

export function loadSnapshot(store: Store, file: string): void {
  if (!existsSync(file)) return;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
  if (parsed.version !== 1) throw new Error(`${file}: unsupported sandbox snapshot version ${String(parsed.version)}`);
  for (const a of parsed.accounts) {
    store.accounts.set(a.account.id, {
      ...a,
      walmartNextDue: a.walmartNextDue ?? 0,
      walmartOrders: new Map(a.walmartOrders),
      amazonOrders: new Map(a.amazonOrders),
      mcfOrders: new Map(a.mcfOrders),
      inventory: new Map(a.inventory),
      feeds: new Map(a.feeds),
      feedDocuments: new Map(a.feedDocuments),
    });
  }
  for (const [k, v] of parsed.walmartTokens) store.walmartTokens.set(k, v);
  for (const [k, v] of parsed.amazonTokens) store.amazonTokens.set(k, v);
}

/** The EasyPost simulator's parcels, trackers, events and webhooks, when the snapshot has them. */
export function loadEasyPostSnapshot(easypost: EasyPostSimulator, file: string): void {
  if (!existsSync(file)) return;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
  if (parsed.easypost) easypost.load(parsed.easypost);
}

/** Writes through a temporary file so a crash mid-write never leaves a truncated snapshot. */
export function saveSnapshot(store: Store, file: string, easypost?: EasyPostSimulator): void {
  const snapshot: SnapshotFile = {
    version: 1,
    accounts: [...store.accounts.values()].map((d) => ({
      ...d,
      // Infinity does not survive JSON; 0 makes the next request rescan, which is always safe.
      walmartNextDue: Number.isFinite(d.walmartNextDue) ? d.walmartNextDue : 0,
      walmartOrders: [...d.walmartOrders],
      amazonOrders: [...d.amazonOrders],
      mcfOrders: [...d.mcfOrders],
      inventory: [...d.inventory],
      feeds: [...d.feeds],
      feedDocuments: [...d.feedDocuments],
    })),
    walmartTokens: [...store.walmartTokens],
    amazonTokens: [...store.amazonTokens],
    ...(easypost ? { easypost: easypost.state() } : {}),
  };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot));
  renameSync(tmp, file);
}
