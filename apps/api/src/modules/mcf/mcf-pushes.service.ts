import { Injectable } from '@nestjs/common';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { McfRepository } from './mcf-order.repository';

/** A pushed MCF status change (Amazon's FULFILLMENT_ORDER_STATUS) makes the MCF order's next poll happen now. */
@Injectable()
export class McfPushes {
  constructor(
    private readonly mcfOrders: McfRepository,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Polls the MCF order now. False when the account has no such order or its polling already ended
   * (a finished order is not reopened by a notification: the poll that ended it saw its last state).
   */
  async statusChanged(accountId: string, sellerFulfillmentOrderId: string): Promise<boolean> {
    const mcf = await this.mcfOrders.findBySellerFulfillmentOrderId(accountId, sellerFulfillmentOrderId);
    if (!mcf?.nextPollAt) return false;
    await this.mcfOrders.pollNow(mcf.id, new Date());
    await this.queue.enqueue(JobName.POLL_MCF, mcf.id);
    return true;
  }
}
