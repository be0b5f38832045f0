// Forward-only cursor paging made two-way: the `after` cursor of every page visited so far, oldest first.
// An empty stack is the first page.
export type CursorStack = readonly string[];

export function currentCursor(stack: CursorStack): string | null {
  return stack.at(-1) ?? null;
}

export function pushCursor(stack: CursorStack, endCursor: string): CursorStack {
  return [...stack, endCursor];
}

export function popCursor(stack: CursorStack): CursorStack {
  return stack.slice(0, -1);
}

/** "1–50 of 312" for the page the stack points at; "0 of 0" when there is nothing. */
export function pageRangeLabel(stack: CursorStack, pageSize: number, rowsOnPage: number, total: number): string {
  if (rowsOnPage === 0) return `0 of ${total}`;
  const from = stack.length * pageSize + 1;
  return `${from}–${from + rowsOnPage - 1} of ${total}`;
}
