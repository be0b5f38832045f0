import type { ReturnPage } from '@order-hub/types';
import type { ChangeWindow } from './channel-adapter';

/**
 * What an adapter offers when its channel publishes the seller's returns: one page of the returns the channel
 * changed in the window, the first when `cursor` is null. Walmart reads its Returns API page by page; Amazon runs a
 * returns report (create → poll → download) and answers it as one page. A failure throws a ChannelError and
 * nothing of the window is imported.
 */
export interface ReturnsReader {
  returns: {
    list(window: ChangeWindow, cursor: string | null): Promise<ReturnPage>;
  };
}
