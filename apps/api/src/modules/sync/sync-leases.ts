import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AccountSyncStateEntity } from './account-sync-state.entity';
import { SyncStateService } from './sync-state.service';

/**
 * The sync leases this process holds, kept alive by a heartbeat every third of SYNC_LEASE_SECONDS for as long as a
 * pull runs, whatever its pages do (a slow page or a throttled channel does not lose the account). A lease found
 * taken by another process is marked lost, and its pull stops at the next page.
 */
@Injectable()
export class SyncLeases implements OnApplicationShutdown {
  private readonly log = new Logger('SyncLeases');
  private readonly held = new Set<string>();
  private readonly lost = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;

  constructor(private readonly states: SyncStateService) {}

  async acquire(accountId: string, now: Date): Promise<AccountSyncStateEntity | null> {
    const state = await this.states.acquire(accountId, now);
    if (!state) return null;
    this.held.add(accountId);
    this.lost.delete(accountId);
    if (!this.timer) {
      this.timer = setInterval(() => void this.beat(), this.states.heartbeatMs);
      this.timer.unref();
    }
    return state;
  }

  /** Another process holds the account now (or nobody does, after a graceful stop gave it back). */
  isLost(accountId: string): boolean {
    return this.lost.has(accountId) || !this.held.has(accountId);
  }

  /** Saves a running pull's progress, as long as this process still holds the account. */
  async save(accountId: string, changes: Partial<AccountSyncStateEntity>): Promise<boolean> {
    if (this.isLost(accountId)) return false;
    const saved = await this.states.saveHeld(accountId, changes);
    if (!saved) this.lost.add(accountId);
    return saved;
  }

  /** Saves the pull's outcome and gives the account back. */
  async release(accountId: string, changes: Partial<AccountSyncStateEntity>): Promise<void> {
    const held = !this.isLost(accountId);
    this.forget(accountId);
    if (held) await this.states.release(accountId, changes);
  }

  /** Gives back every lease of this process: a graceful stop, so a restarted or other process pulls at once. */
  async releaseAll(): Promise<void> {
    for (const id of [...this.held]) this.forget(id);
    await this.beating;
    await this.states.releaseAll();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private forget(accountId: string): void {
    this.held.delete(accountId);
    this.lost.delete(accountId);
    if (this.held.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async beat(): Promise<void> {
    if (this.beating) return;
    const ids = [...this.held];
    this.beating = this.states
      .heartbeat(ids)
      .then((kept) => {
        const still = new Set(kept);
        for (const id of ids) if (!still.has(id) && this.held.has(id)) this.lost.add(id);
      })
      .catch((err: unknown) => this.log.warn(`Sync lease heartbeat failed: ${(err as Error).message}`))
      .finally(() => {
        this.beating = null;
      });
    await this.beating;
  }
}
