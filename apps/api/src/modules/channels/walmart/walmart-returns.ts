import type { ReturnPage } from '@order-hub/types';
import type { ChangeWindow } from 'src/modules/channels/channel-adapter';
import type { ReturnsReader } from 'src/modules/channels/returns-reader';
import type { WalmartClient } from './walmart-client';
import { followCursor, isNoOrders, walmartDate, wholeSecond } from './walmart-list';
import { mapWalmartReturns } from './walmart-return.mapper';
import type { WalmartReturnOrder, WalmartReturnsResponse } from './walmart-return.types';

/** The model's maximum page ("Cannot be larger than 200"). */
const PAGE_SIZE = 200;
const PATH = '/v3/returns';

type ReturnsList = ReturnsReader['returns'];

/** Where a window's pull stands: Walmart's own cursor, and the window's end so every page reports the same. */
interface Cursor {
  next: string;
  windowEnd: string;
}

/**
 * The seller's Walmart returns (Returns API, shared/specs/walmart/returns.openapi.json `getReturns`): the returns
 * changed in a window, page by page, and one return by its RMA for the refund read-back.
 */
export class WalmartReturns implements ReturnsList {
  constructor(private readonly client: WalmartClient) {}

  /**
   * One page of the returns Walmart changed in the window: returnLastModifiedStartDate/EndDate on the first page,
   * then Walmart's nextCursor exactly as it sent it (its cursor carries the filters). Walmart's dates have whole
   * seconds, so the bound sent is the window's end the next pull starts from.
   */
  async list(window: ChangeWindow, cursor: string | null): Promise<ReturnPage> {
    const at = cursor ? (JSON.parse(cursor) as Cursor) : null;
    const windowEnd = at ? new Date(at.windowEnd) : wholeSecond(window.changedBefore ?? new Date());
    const path = at
      ? followCursor(PATH, at.next)
      : `${PATH}?${new URLSearchParams({
          returnLastModifiedStartDate: walmartDate(window.changedAfter),
          returnLastModifiedEndDate: walmartDate(windowEnd),
          limit: String(PAGE_SIZE),
          // The model: only with replacementInfo does a line carry returnCancellationReason (a cancelled return).
          replacementInfo: 'true',
        }).toString()}`;
    const body = await this.read(path);
    const { returns, rejected } = mapWalmartReturns(body?.returnOrders ?? []);
    // The model requires nextCursor, so the last page carries an empty one; a cursor on an empty page would loop.
    const next = body?.meta?.nextCursor || null;
    return {
      returns,
      rejected,
      nextCursor:
        next && (body?.returnOrders?.length ?? 0) > 0
          ? JSON.stringify({ next, windowEnd: windowEnd.toISOString() })
          : null,
      windowEnd,
    };
  }

  /** Walmart's copy of one return (GET /v3/returns?returnOrderId=…), null when Walmart has none by that RMA. */
  async get(returnOrderId: string): Promise<WalmartReturnOrder | null> {
    const body = await this.read(
      `${PATH}?${new URLSearchParams({ returnOrderId, replacementInfo: 'true' }).toString()}`,
    );
    return body?.returnOrders?.find((r) => r?.returnOrderId === returnOrderId) ?? null;
  }

  /** A list call; Walmart's "nothing found" (404 CONTENT_NOT_FOUND) is an empty list, any other error stays one. */
  private async read(path: string): Promise<WalmartReturnsResponse | null> {
    const res = await this.client.get('returns.list', path).catch((err: unknown) => {
      if (isNoOrders(err)) return null;
      throw err;
    });
    return (res?.body as WalmartReturnsResponse | null) ?? null;
  }
}
