// A person's authenticator app: the TOTP codes a phone would show for the secret shown at enrolment.
import { generate } from 'otplib';

const PERIOD_SECONDS = 30;

/**
 * The hub accepts the current 30 s step and one either side, each step at most once per person (no replay).
 * So successive codes use successive steps, up to one step ahead of the clock; beyond that it waits.
 */
export class Authenticator {
  private lastStep = 0;

  constructor(readonly secret: string) {}

  async code(): Promise<string> {
    let now = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
    while (this.lastStep + 1 > now + 1) {
      await new Promise((done) => setTimeout(done, 1_000));
      now = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
    }
    const step = Math.max(now, this.lastStep + 1);
    this.lastStep = step;
    return generate({ secret: this.secret, epoch: step * PERIOD_SECONDS });
  }
}
