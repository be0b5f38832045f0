const counted = new WeakMap<object, Promise<number>>();

/**
 * A connection's `totalCount`, counted once per connection however often it is selected (`a: totalCount
 * b: totalCount …`): the count is what the connection's cost pays for (pagedComplexity's `fixedCost`).
 */
export function countOnce(connection: { count: () => Promise<number> }): Promise<number> {
  let total = counted.get(connection);
  if (!total) {
    total = connection.count();
    counted.set(connection, total);
  }
  return total;
}
