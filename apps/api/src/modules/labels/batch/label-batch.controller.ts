import { BadRequestException, Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BadUserInputError } from 'src/common/errors/app-error';
import { actorOf } from 'src/modules/auth/caller';
import { authenticateRequest, RequestAuthenticator } from 'src/modules/auth/request-authentication';
import { BuyerDataAccessRepository } from 'src/modules/buyer-data/access/buyer-data-access.repository';
import { HttpTokenGuard } from 'src/modules/compliance/csv/http-token.guard';
import { BATCH_MAX_LABELS, LabelBatchService } from './label-batch.service';

const idsQuery = z.object({
  ids: z
    .string({ message: 'must name the labels, comma-separated.' })
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().uuid({ message: 'must be label ids returned by the API (UUIDs), comma-separated.' }))
        .min(1, { message: 'must name at least one label.' })
        .max(BATCH_MAX_LABELS, { message: `at most ${BATCH_MAX_LABELS} labels at a time.` }),
    ),
});

/**
 * The batch print: bought labels with their packing slips, in pick order, as one PDF; printing it again is a reprint.
 * Any signed-in role, with the same credentials as the other downloads; labels and slips show the ship-to, so each
 * order is logged as a read of the buyer's data before the file leaves.
 */
@Controller('api/labels')
@UseGuards(HttpTokenGuard)
export class LabelBatchController {
  constructor(
    private readonly batch: LabelBatchService,
    private readonly auth: RequestAuthenticator,
    private readonly log: BuyerDataAccessRepository,
  ) {}

  @Get('batch.pdf')
  async batchPdf(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const parsed = idsQuery.safeParse(query);
    if (!parsed.success) throw badRequest('ids', parsed.error.issues[0].message);
    let printed;
    try {
      printed = await this.batch.pdf(parsed.data.ids);
    } catch (e) {
      if (e instanceof BadUserInputError) throw badRequest('ids', e.message.replace(/^ids: /, ''));
      throw e;
    }
    const { caller } = await authenticateRequest(req, this.auth);
    await this.log.insertMany(
      printed.orderIds.map((orderId) => ({
        actor: caller ? actorOf(caller) : 'unknown',
        userId: caller?.userId ?? null,
        tokenId: caller?.tokenId ?? null,
        orderId,
        fields: 'label.shipTo,packingSlip.shipTo',
        via: 'PDF',
        ip: req.ip ?? null,
      })),
    );
    reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="labels-${new Date().toISOString().slice(0, 10)}.pdf"`);
    return Buffer.from(printed.pdf);
  }
}

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', field, message: `${field}: ${message}` });
}
