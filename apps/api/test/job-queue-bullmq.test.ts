import { BullmqJobQueue } from '../src/modules/jobs/bullmq-job.queue';
import { BullmqJobWorker } from '../src/modules/jobs/bullmq-job.worker';
import { JobHandlers } from '../src/modules/jobs/job-handlers';
import { JobName } from '../src/modules/jobs/job-name';
import { redisOptions } from '../src/modules/jobs/redis-options';
import { freshRedis } from './support/job-drivers';
import { until } from './support/wait';

/** The BullMQ driver on a real Redis: a request that finds its job running is not lost. */
describe('BullMQ job queue', () => {
  let queue: BullmqJobQueue;
  let worker: BullmqJobWorker;
  const gates: (() => void)[] = [];
  const seen: number[] = [];
  let data = 0;

  beforeAll(async () => {
    const connection = redisOptions(await freshRedis(15));
    const handlers = new JobHandlers();
    handlers.register({
      jobName: JobName.TRACK_SHIPMENTS,
      async handle() {
        const snapshot = data;
        await new Promise<void>((resolve) => gates.push(resolve));
        seen.push(snapshot);
      },
    });
    queue = new BullmqJobQueue(connection);
    worker = new BullmqJobWorker(connection, handlers, 2, queue);
    worker.onApplicationBootstrap();
  });

  afterAll(async () => {
    gates.forEach((open) => open());
    await worker?.onApplicationShutdown();
    await queue?.onApplicationShutdown();
  });

  it('runs the job again for a request made while it ran, and only once for requests made while it waited', async () => {
    await queue.enqueue(JobName.TRACK_SHIPMENTS, 'due');
    await until(
      'the first run began',
      () => Promise.resolve(gates.length),
      (n) => n === 1,
    );
    data = 1;
    await queue.enqueue(JobName.TRACK_SHIPMENTS, 'due');
    await queue.enqueue(JobName.TRACK_SHIPMENTS, 'due');
    gates.shift()!();
    await until(
      'the second run began',
      () => Promise.resolve(gates.length),
      (n) => n === 1,
    );
    gates.shift()!();
    await until(
      'both runs finished',
      () => Promise.resolve(seen.length),
      (n) => n === 2,
    );
    expect(seen).toEqual([0, 1]);
    await new Promise((r) => setTimeout(r, 500));
    expect(gates).toHaveLength(0); // no third run: the two requests folded into one
  });
});
