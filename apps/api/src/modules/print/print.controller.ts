import { BadRequestException, ConflictException, Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadUserInputError, ConflictError } from 'src/common/errors/app-error';
import { actorOf } from 'src/modules/auth/caller';
import { authenticateRequest, RequestAuthenticator } from 'src/modules/auth/request-authentication';
import { BuyerDataAccessRepository } from 'src/modules/buyer-data/access/buyer-data-access.repository';
import { HttpTokenGuard } from 'src/modules/compliance/csv/http-token.guard';
import { parsePrintQuery } from './print.args';
import { packingSlipsPdf, pickListPdf } from './print-pdf';
import { formatInZone, type PrintableOrder } from './printable-order';
import { PrintService } from './print.service';

/**
 * Packing slips and the pick list as PDF, for the orders named in `?ids=` or all `count` matching `filter`; any signed-in role (printing is a
 * read), with the same credentials as the other downloads. Slips show the ship-to, so each is logged as a read of
 * the buyer's data before the file leaves.
 */
@Controller('api/print')
@UseGuards(HttpTokenGuard)
export class PrintController {
  constructor(
    private readonly print: PrintService,
    private readonly auth: RequestAuthenticator,
    private readonly log: BuyerDataAccessRepository,
  ) {}

  @Get('packing-slips.pdf')
  async packingSlips(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const orders = await this.orders(query);
    const { caller } = await authenticateRequest(req, this.auth);
    await this.log.insertMany(
      orders
        .filter(({ order }) => order.shipTo && !order.buyerDataRedactedAt)
        .map(({ order }) => ({
          actor: caller ? actorOf(caller) : 'unknown',
          userId: caller?.userId ?? null,
          tokenId: caller?.tokenId ?? null,
          orderId: order.id,
          fields: 'packingSlip.shipTo',
          via: 'PDF',
          ip: req.ip ?? null,
        })),
    );
    this.pdfHeaders(reply, 'packing-slips');
    return packingSlipsPdf(orders);
  }

  @Get('pick-list.pdf')
  async pickList(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const orders = await this.orders(query);
    const rows = await this.print.pickList(orders);
    const zone = orders[0].account.timeZone;
    this.pdfHeaders(reply, 'pick-list');
    return pickListPdf(rows, orders.length, formatInZone(new Date(), zone));
  }

  private async orders(query: Record<string, unknown>): Promise<PrintableOrder[]> {
    const parsed = parsePrintQuery(query);
    if ('error' in parsed) throw badRequest(...parsed.error);
    try {
      return await this.print.load(await this.print.targetIds(parsed.target));
    } catch (e) {
      if (e instanceof BadUserInputError) throw badRequest('ids', e.message.replace(/^ids: /, ''));
      if (e instanceof ConflictError)
        throw new ConflictException({ statusCode: 409, error: 'Conflict', message: e.message });
      throw e;
    }
  }

  private pdfHeaders(reply: FastifyReply, name: string): void {
    reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="${name}-${new Date().toISOString().slice(0, 10)}.pdf"`);
  }
}

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', field, message: `${field}: ${message}` });
}
