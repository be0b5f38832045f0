import { join } from 'node:path';
import { runSoak } from '../bench/soak';
import { freshRedis, POSTGRES_ADMIN_URL } from './support/job-drivers';

const WORKER = join(__dirname, '..', 'dist', 'src', 'worker.js');

describe('soak (small): ship confirmations under 30% channel faults with a worker killed mid-run', () => {
  it('applies every confirmation on the channel exactly once and ends with every outbox row DELIVERED', async () => {
    const result = await runSoak({
      adminUrl: POSTGRES_ADMIN_URL,
      redisUrl: await freshRedis(2),
      workerScript: WORKER,
      perChannel: 50,
      faultRate: 0.3,
      silentDrop: 0.05,
      workers: 2,
      concurrency: 8,
      killAt: 0.3,
      seed: 14,
      // A guard against a hang only; the counts below are what the test holds.
      guardMs: 240_000,
    });
    expect(result.submitErrors).toEqual([]);
    expect(result.killedWorker).toBe(true);
    expect(result.faultsInjected).toBeGreaterThan(0);
    expect({
      drained: result.drained,
      applied: result.applied,
      lost: result.lost,
      duplicated: result.duplicated,
      wrong: result.wrong,
      hubShipmentMismatches: result.hubShipmentMismatches,
    }).toEqual({ drained: true, applied: 100, lost: 0, duplicated: 0, wrong: 0, hubShipmentMismatches: 0 });
    // One SHIP row per confirmation and one ACKNOWLEDGE per Walmart order (Walmart ships only acknowledged lines).
    expect(result.outbox).toEqual({ DELIVERED: 150 });
  }, 300_000);
});
