/** Polls `probe` every 200 ms until `done` holds, or fails naming what never happened and the last value seen. */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (t: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
