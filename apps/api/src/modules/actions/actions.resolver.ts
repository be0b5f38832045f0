import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { NotFoundError } from 'src/common/errors/app-error';
import { parseInput } from 'src/common/validation/parse-input';
import { toShipmentType } from 'src/modules/fulfillment/shipment.type';
import { OutboxFixInput, outboxEntryIdSchema } from 'src/modules/outbox/dto/outbox.args';
import { OutboxEntryType, toOutboxEntryType } from 'src/modules/outbox/outbox-entry.type';
import { checkShipmentInput, ShipmentInput } from 'src/modules/rules/dto/shipment.input';
import { toReturnType } from 'src/modules/returns/return.type';
import { ReturnsService } from 'src/modules/returns/returns.service';
import { toViolationType } from 'src/modules/rules/violation.type';
import { AcknowledgeService } from './acknowledge.service';
import { CancelService } from './cancel.service';
import {
  AcknowledgeResultType,
  CsvShipmentReportType,
  OrderActionResultType,
  RefundReturnResultType,
  ShipmentResultType,
} from './dto/action-results.type';
import {
  CancelOrderLinesInput,
  RefundOrderLinesInput,
  RefundReturnInput,
  TrackingUpdateInput,
} from './dto/action.inputs';
import { RefundReturnService } from './refund-return.service';
import { RefundService } from './refund.service';
import { ResendService } from './resend.service';
import { ShipmentCsvService } from './shipment-csv.service';
import { ShipService, type ShipResult } from './ship.service';

const MAX_BULK = 500;
const positive = z.number().int({ message: 'must be a whole number.' }).min(1, { message: 'must be at least 1.' });
const linesSchema = z
  .array(z.object({ lineNumber: z.string().trim().min(1, { message: 'must name a line.' }), quantity: positive }))
  .min(1, { message: 'must name at least one line.' });
const refundReturnSchema = z.object({
  input: z.object({
    lines: z
      .array(z.object({ returnLineNumber: z.string().trim().min(1, { message: 'must name a line of the return.' }) }))
      .min(1, { message: 'must name at least one returned line.' })
      .max(MAX_BULK, { message: `at most ${MAX_BULK} lines at a time.` }),
    reason: z.string().max(100, { message: 'must be at most 100 characters.' }).nullish(),
  }),
});
const csvSource = z.object({
  fileName: z.string().trim().max(200, { message: 'must be at most 200 characters.' }).nullish(),
  supplier: z.string().trim().max(100, { message: 'must be at most 100 characters.' }).nullish(),
  supplierId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }).nullish(),
});

/** The operator's actions on orders. Each checks the channel's rules, records the change and queues the channel call. */
@Resolver()
export class ActionsResolver {
  constructor(
    private readonly acknowledgeService: AcknowledgeService,
    private readonly ship: ShipService,
    private readonly cancel: CancelService,
    private readonly refund: RefundService,
    private readonly returnRefund: RefundReturnService,
    private readonly returns: ReturnsService,
    private readonly csv: ShipmentCsvService,
    private readonly resendService: ResendService,
  ) {}

  @Mutation(() => OutboxEntryType, {
    description:
      'Sends a FAILED or DEAD entry again, corrected first when a fix is given; the rules run again on what will be sent.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async retryOutboxEntry(
    @Args('id', { type: () => ID }) id: string,
    @Args('fix', { type: () => OutboxFixInput, nullable: true }) fix: OutboxFixInput | null,
    @CurrentCaller() caller: Caller,
  ): Promise<OutboxEntryType> {
    const { id: valid } = parseInput(outboxEntryIdSchema, { id });
    return toOutboxEntryType(await this.resendService.resend(valid, fix ?? null, actorOf(caller)));
  }

  @Mutation(() => [AcknowledgeResultType], {
    description: 'Acknowledges Walmart orders (Amazon needs none); one result per id, in order.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async acknowledgeOrders(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentCaller() caller: Caller,
  ): Promise<AcknowledgeResultType[]> {
    parseInput(
      z.object({
        ids: z
          .array(z.string())
          .min(1, { message: 'must name at least one order.' })
          .max(MAX_BULK, { message: `at most ${MAX_BULK} orders at a time.` }),
      }),
      { ids },
    );
    return this.acknowledgeService.acknowledge(ids, actorOf(caller));
  }

  @Mutation(() => ShipmentResultType, {
    description: 'Confirms a shipment; BLOCK violations answer RULE_VIOLATION, warnings come back with the result.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async confirmShipment(
    @Args('input') input: ShipmentInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ShipmentResultType> {
    checkShipmentInput(input);
    return toShipmentResult(await this.ship.confirmShipment(input, actorOf(caller)));
  }

  @Mutation(() => ShipmentResultType, {
    description: 'Corrects a confirmed shipment: Walmart within its edit window, Amazon as a corrected confirmation.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async updateTracking(
    @Args('shipmentId', { type: () => ID }) shipmentId: string,
    @Args('input') input: TrackingUpdateInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ShipmentResultType> {
    parseInput(z.object({ shipmentId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }) }), {
      shipmentId,
    });
    return toShipmentResult(await this.ship.updateTracking(shipmentId, input, actorOf(caller)));
  }

  @Mutation(() => OrderActionResultType, {
    description: "Cancels unshipped units with one of the channel's current reasons.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async cancelOrderLines(
    @Args('input') input: CancelOrderLinesInput,
    @CurrentCaller() caller: Caller,
  ): Promise<OrderActionResultType> {
    parseInput(z.object({ input: z.object({ lines: linesSchema }) }), { input });
    const result = await this.cancel.cancelLines(input, actorOf(caller));
    return {
      orderId: result.orderId,
      warnings: result.warnings.map(toViolationType),
      outbox: result.outbox.map(toOutboxEntryType),
    };
  }

  @Mutation(() => OrderActionResultType, {
    description:
      "Refunds shipped lines, never above what was charged, with one of the channel's refund reasons (Walmart's order refund, Amazon's order adjustment feed).",
  })
  @RequireRole(ApiRole.OPERATOR)
  async refundOrderLines(
    @Args('input') input: RefundOrderLinesInput,
    @CurrentCaller() caller: Caller,
  ): Promise<OrderActionResultType> {
    const result = await this.refund.refundLines(input, actorOf(caller));
    return {
      orderId: result.orderId,
      warnings: result.warnings.map(toViolationType),
      outbox: [toOutboxEntryType(result.outbox)],
    };
  }

  @Mutation(() => RefundReturnResultType, {
    description:
      "Refunds a return's units: Walmart through its returns refund (units; Walmart sets the amount), Amazon as an order adjustment (amounts proposed from the returned lines). BLOCK violations answer RULE_VIOLATION before anything is sent.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async refundReturn(
    @Args('input') input: RefundReturnInput,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundReturnResultType> {
    parseInput(refundReturnSchema, { input });
    const result = await this.returnRefund.refundReturn(input, actorOf(caller));
    const ret = await this.returns.findById(result.returnId);
    if (!ret) throw new NotFoundError('Return', result.returnId);
    return {
      return: toReturnType(ret),
      outbox: toOutboxEntryType(result.outbox),
      warnings: result.warnings.map(toViolationType),
    };
  }

  @Mutation(() => CsvShipmentReportType, {
    description:
      "Confirms shipments from CSV (columns order, line, quantity, carrier, tracking; optional carrierName, service, trackingUrl, shipDate). Each row is applied whole or not at all. `fileName` and `supplier` are kept on each shipment as where its tracking came from (alarms and plans of action name them). `supplierId` names one of the hub's suppliers instead of `supplier`: each row becomes that supplier's tracking intake (applied rows mark its purchase order; refused rows count on its scorecard).",
  })
  @RequireRole(ApiRole.OPERATOR)
  async confirmShipmentsCsv(
    @Args('csv') csv: string,
    @CurrentCaller() caller: Caller,
    @Args('fileName', { type: () => String, nullable: true }) fileName?: string | null,
    @Args('supplier', { type: () => String, nullable: true }) supplier?: string | null,
    @Args('supplierId', { type: () => ID, nullable: true }) supplierId?: string | null,
  ): Promise<CsvShipmentReportType> {
    const source = parseInput(csvSource, { fileName, supplier, supplierId });
    const rows = await this.csv.confirmFromCsv(csv, actorOf(caller), {
      fileName: source.fileName || null,
      supplier: source.supplier || null,
      supplierId: source.supplierId ?? null,
    });
    return {
      applied: rows.filter((r) => r.ok).length,
      refused: rows.filter((r) => !r.ok).length,
      rows: rows.map((r) => ({ ...r, violations: r.violations.map(toViolationType) })),
    };
  }
}

function toShipmentResult(result: ShipResult): ShipmentResultType {
  return {
    shipment: toShipmentType(result.shipment),
    warnings: result.warnings.map(toViolationType),
    outbox: result.outbox.map(toOutboxEntryType),
  };
}
