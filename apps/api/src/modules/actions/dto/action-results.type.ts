import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ShipmentType } from 'src/modules/fulfillment/shipment.type';
import { OutboxEntryType } from 'src/modules/outbox/outbox-entry.type';
import { ReturnType } from 'src/modules/returns/return.type';
import { ViolationType } from 'src/modules/rules/violation.type';

export const AcknowledgeOutcome = {
  QUEUED: 'QUEUED',
  ALREADY_ACKNOWLEDGED: 'ALREADY_ACKNOWLEDGED',
  NOT_NEEDED: 'NOT_NEEDED',
  REFUSED: 'REFUSED',
} as const;
registerEnumType(AcknowledgeOutcome, {
  name: 'AcknowledgeOutcome',
  valuesMap: {
    QUEUED: { description: 'Acknowledged in the hub; the call to Walmart is in the outbox.' },
    ALREADY_ACKNOWLEDGED: { description: 'Nothing to do.' },
    NOT_NEEDED: { description: 'Amazon orders need no acknowledgement.' },
    REFUSED: { description: 'See message.' },
  },
});

@ObjectType('AcknowledgeResult')
export class AcknowledgeResultType {
  @Field(() => ID)
  orderId: string;

  @Field(() => AcknowledgeOutcome)
  outcome: keyof typeof AcknowledgeOutcome;

  @Field(() => String, { nullable: true })
  message: string | null;
}

@ObjectType('ShipmentResult', {
  description: 'The shipment as recorded, the warnings it passed with, and the channel calls queued.',
})
export class ShipmentResultType {
  @Field(() => ShipmentType)
  shipment: ShipmentType;

  @Field(() => [ViolationType])
  warnings: ViolationType[];

  @Field(() => [OutboxEntryType])
  outbox: OutboxEntryType[];
}

@ObjectType('OrderActionResult')
export class OrderActionResultType {
  @Field(() => ID)
  orderId: string;

  @Field(() => [ViolationType])
  warnings: ViolationType[];

  @Field(() => [OutboxEntryType])
  outbox: OutboxEntryType[];
}

@ObjectType('CsvShipmentRow', { description: 'What became of one row of an uploaded shipments file.' })
export class CsvShipmentRowType {
  @Field(() => Int, { description: 'Row number in the file, the header being row 1.' })
  row: number;

  @Field()
  orderNumber: string;

  @Field()
  ok: boolean;

  @Field(() => ID, { nullable: true })
  shipmentId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the row was not applied (unknown order, bad value, conflict).',
  })
  error: string | null;

  @Field(() => [ViolationType], {
    description: 'Blocking violations that refused the row, or warnings it passed with.',
  })
  violations: ViolationType[];
}

@ObjectType('CsvShipmentReport')
export class CsvShipmentReportType {
  @Field(() => Int)
  applied: number;

  @Field(() => Int)
  refused: number;

  @Field(() => [CsvShipmentRowType])
  rows: CsvShipmentRowType[];
}

@ObjectType('RefundReturnResult', {
  description:
    'The return as it stands (it shows the refund once the channel does), the refund queued, and the warnings it passed with.',
})
export class RefundReturnResultType {
  @Field(() => ReturnType)
  return: ReturnType;

  @Field(() => OutboxEntryType)
  outbox: OutboxEntryType;

  @Field(() => [ViolationType])
  warnings: ViolationType[];
}
