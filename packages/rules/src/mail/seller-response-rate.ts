/** What the rate counts: messages whose deadline has come by `now`, and those answered by it. */
export interface SellerResponseRate {
  due: number;
  onTime: number;
  /** onTime / due in percent to one decimal; null when nothing was due. */
  rate: number | null;
}

/**
 * The seller response rate over the messages given (the caller picks the window, e.g. those due in the last 30 days):
 * a message counts once its deadline has passed or it has been answered; it is on time when answered by its deadline.
 * A message still open before its deadline is not counted yet.
 */
export function sellerResponseRate(
  messages: readonly { respondBy: Date; answeredAt: Date | null }[],
  now: Date,
): SellerResponseRate {
  let due = 0;
  let onTime = 0;
  for (const m of messages) {
    const answered = m.answeredAt !== null && m.answeredAt.getTime() <= now.getTime();
    if (!answered && m.respondBy.getTime() > now.getTime()) continue;
    due++;
    if (answered && m.answeredAt!.getTime() <= m.respondBy.getTime()) onTime++;
  }
  return { due, onTime, rate: due === 0 ? null : Math.round((onTime / due) * 1000) / 10 };
}
