import { InProcessJobQueue } from './in-process-job.queue';
import { JobHandlers } from './job-handlers';
import { JobName } from './job-name';

/** A handler whose runs the test releases one by one, recording what each run saw. */
function gatedHandler() {
  const gates: (() => void)[] = [];
  const seen: number[] = [];
  let data = 0;
  const handler = {
    jobName: JobName.TRACK_SHIPMENTS,
    async handle() {
      const snapshot = data; // what the run reads when it begins
      await new Promise<void>((resolve) => gates.push(resolve));
      seen.push(snapshot);
      return snapshot;
    },
  };
  return { handler, gates, seen, change: () => (data += 1) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('in-process job queue', () => {
  it('runs once more when a request arrives after a run began, so the change it signals is seen', async () => {
    const handlers = new JobHandlers();
    const gated = gatedHandler();
    handlers.register(gated.handler);
    const queue = new InProcessJobQueue(handlers, 2);

    const first = queue.run(JobName.TRACK_SHIPMENTS, 'due');
    await tick();
    gated.change();
    const second = queue.run(JobName.TRACK_SHIPMENTS, 'due');
    const third = queue.run(JobName.TRACK_SHIPMENTS, 'due'); // folds into the same follow-up
    expect(second).toBe(third);
    gated.gates.shift()!();
    expect(await first).toBe(0);
    await tick();
    expect(gated.gates).toHaveLength(1);
    gated.gates.shift()!();
    expect(await second).toBe(1);
    expect(gated.seen).toEqual([0, 1]);
  });

  it('joins a run that has not begun yet (it will read the change itself)', async () => {
    const handlers = new JobHandlers();
    const gated = gatedHandler();
    handlers.register(gated.handler);
    const other = { jobName: JobName.PULL_ORDERS, handle: () => new Promise<void>((r) => setTimeout(r, 20)) };
    handlers.register(other);
    const queue = new InProcessJobQueue(handlers, 1);

    const blocker = queue.run(JobName.PULL_ORDERS, 'account');
    const waiting = queue.run(JobName.TRACK_SHIPMENTS, 'due');
    expect(queue.run(JobName.TRACK_SHIPMENTS, 'due')).toBe(waiting);
    await blocker;
    await tick();
    gated.gates.shift()!();
    await waiting;
    expect(gated.seen).toEqual([0]);
  });

  it('runs the follow-up even when the run before it failed', async () => {
    const handlers = new JobHandlers();
    let calls = 0;
    let release!: () => void;
    handlers.register({
      jobName: JobName.TRACK_SHIPMENTS,
      async handle() {
        calls += 1;
        if (calls === 1) {
          await new Promise<void>((r) => (release = r));
          throw new Error('provider down');
        }
        return 'ok';
      },
    });
    const queue = new InProcessJobQueue(handlers, 1);
    const first = queue.run(JobName.TRACK_SHIPMENTS, 'due');
    await tick();
    const second = queue.run(JobName.TRACK_SHIPMENTS, 'due');
    release();
    await expect(first).rejects.toThrow('provider down');
    await expect(second).resolves.toBe('ok');
    expect(calls).toBe(2);
  });
});
