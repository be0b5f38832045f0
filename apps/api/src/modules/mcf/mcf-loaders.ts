import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { OrderRepository, type OrderEntity } from 'src/modules/orders/order.repository';
import type { DataSource } from 'typeorm';

/** The origin order of each MCF record, for the queue's order number, customer and ship-by. */
export const originOrderLoader = defineLoader(
  'mcfOriginOrder',
  (ds: DataSource) =>
    new DataLoader<string, OrderEntity | null>(async (orderIds) => {
      const rows = await new OrderRepository(ds).findByIds(orderIds);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return orderIds.map((id) => byId.get(id) ?? null);
    }),
);

/** How many orders each routing rule routed (Amazon was asked to fulfil them), for the rules list. */
export const routedCountByRuleLoader = defineLoader(
  'mcfRoutedCountByRule',
  (ds: DataSource) =>
    new DataLoader<string, number>(async (ruleIds) => {
      const rows: { rule: string; n: string }[] = await ds.query(
        `SELECT routing_rule_id AS rule, count(*) AS n FROM mcf_order
          WHERE routing_rule_id = ANY(CAST($1 AS uuid[])) AND status <> 'NOT_ROUTED' GROUP BY routing_rule_id`,
        [[...ruleIds]],
      );
      const byRule = new Map(rows.map((r) => [r.rule, Number(r.n)]));
      return ruleIds.map((id) => byRule.get(id) ?? 0);
    }),
);
