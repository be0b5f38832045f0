import { Controller, Get, NotFoundException, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { LabelFormat } from '@order-hub/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from 'src/common/errors/app-error';
import { actorOf } from 'src/modules/auth/caller';
import { authenticateRequest, RequestAuthenticator } from 'src/modules/auth/request-authentication';
import { BuyerDataAccessRepository } from 'src/modules/buyer-data/access/buyer-data-access.repository';
import { HttpTokenGuard } from 'src/modules/compliance/csv/http-token.guard';
import { LabelVoidService } from './label-void.service';
import { UUID } from 'src/common/validation/uuid';

const CONTENT_TYPES: Record<LabelFormat, string> = {
  PDF: 'application/pdf',
  PNG: 'image/png',
  ZPL: 'application/zpl',
};

/**
 * A bought label's file, for printing and reprints: any signed-in role with the download credentials, as the packing
 * slips. The label shows the ship-to, so each download is logged as a read of the buyer's data.
 */
@Controller('api/labels')
@UseGuards(HttpTokenGuard)
export class LabelsController {
  constructor(
    private readonly labels: LabelVoidService,
    private readonly auth: RequestAuthenticator,
    private readonly log: BuyerDataAccessRepository,
  ) {}

  @Get(':id/document')
  async document(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!UUID.test(id)) throw notFound(`Label ${id} does not exist.`);
    let found;
    try {
      found = await this.labels.document(id);
    } catch (e) {
      if (e instanceof AppError && e.extensions.code === 'NOT_FOUND') throw notFound(e.message);
      throw e;
    }
    const { caller } = await authenticateRequest(req, this.auth);
    await this.log.insertMany([
      {
        actor: caller ? actorOf(caller) : 'unknown',
        userId: caller?.userId ?? null,
        tokenId: caller?.tokenId ?? null,
        orderId: found.label.orderId,
        fields: 'label.shipTo',
        via: 'PDF',
        ip: req.ip ?? null,
      },
    ]);
    const ext = found.label.format.toLowerCase();
    reply
      .header('content-type', CONTENT_TYPES[found.label.format])
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="label-${found.label.trackingNumber ?? found.label.id}.${ext}"`);
    return found.bytes;
  }
}

function notFound(message: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message });
}
