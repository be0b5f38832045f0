import { Module } from '@nestjs/common';
import { PushLedger } from './push-ledger.service';

/**
 * The push ledger: push_subscription, push_event and push_unannounced, and the service that records pushes and
 * counts missed ones. Its own module so the sync module (which notes the orders polls found) and the push module
 * (which reads the orders pushes name, through the sync module's import) do not import each other.
 */
@Module({
  providers: [PushLedger],
  exports: [PushLedger],
})
export class PushLedgerModule {}
