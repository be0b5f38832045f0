import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChannelEnvironment, type Channel } from '@order-hub/types';
import { DataSource } from 'typeorm';
import { ChannelAccountsService } from '../channels/channel-accounts.service';
import { OrderIngestService } from '../orders/order-ingest.service';
import { generateDemoOrders } from './demo-orders.generator';

const ACTOR = 'system:demo-seed';

const DEMO_ACCOUNTS: { channel: Channel; name: string; marketplace: string; baseUrl: string; seed: number }[] = [
  { channel: 'WALMART', name: 'Demo Walmart US', marketplace: 'US', baseUrl: 'http://127.0.0.1:4010/walmart', seed: 20261122 },
  { channel: 'AMAZON', name: 'Demo Amazon US', marketplace: 'ATVPDKIKX0DER', baseUrl: 'http://127.0.0.1:4010/amazon', seed: 20261123 },
];

/**
 * Fills an empty hub with two demo accounts and their orders, so a fresh clone shows a working console.
 * Stands in until the channel sandbox and real import exist; writes through the same services they will.
 */
@Injectable()
export class DemoSeedService {
  private readonly log = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: ChannelAccountsService,
    private readonly ingest: OrderIngestService,
  ) {}

  /** Seeds only when no channel account exists yet; returns the number of orders written. */
  async seedIfEmpty(ordersPerAccount = 150, now = new Date()): Promise<number> {
    if ((await this.accounts.count()) > 0) return 0;
    let written = 0;
    await this.ds.transaction(async (em) => {
      for (const a of DEMO_ACCOUNTS) {
        const account = await this.accounts.create(
          {
            channel: a.channel,
            name: a.name,
            marketplace: a.marketplace,
            environment: ChannelEnvironment.SANDBOX,
            baseUrl: a.baseUrl,
            timeZone: 'America/Los_Angeles',
            credentials: { clientId: `demo-${a.channel.toLowerCase()}`, clientSecret: 'demo-secret' },
          },
          ACTOR,
          em,
        );
        const orders = generateDemoOrders(a.channel, ordersPerAccount, a.seed, now);
        written += (await this.ingest.insertNewWith(em, account, orders, ACTOR)).length;
      }
    });
    this.log.log(`Wrote ${written} demo orders over ${DEMO_ACCOUNTS.length} accounts`);
    return written;
  }
}
