import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// The project's lint rules exactly as eslint.config.mjs applies them (same file globs), run on probe files.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const orderHub = require('../../../eslint-rules/order-hub.cjs') as { configs: Linter.Config[] };

const root = path.resolve(__dirname, '../../..');
const linter = new Linter({ cwd: root });
const config: Linter.Config[] = [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  ...orderHub.configs,
];

function problems(file: string, code: string): string[] {
  return linter.verify(code, config, path.join(root, file)).map((m) => `${m.ruleId}: ${m.message}`);
}

test('a channel name outside the channel folders, rules and types fails lint, naming the fix', () => {
  const code = "export const isWalmart = (channel: string) => channel === 'WALMART';\n";
  expect(problems('apps/api/src/modules/actions/probe.ts', code)).toEqual([
    expect.stringContaining("order-hub/channel-name-literal: 'WALMART' names a channel: read channelProfile(channel)"),
  ]);
  expect(problems('apps/web/src/features/orders/probe.tsx', code)).toHaveLength(1);
  expect(problems('apps/api/src/common/probe.ts', 'export const c = `AMAZON`;\n')).toHaveLength(1);
  expect(problems('apps/api/src/modules/actions/probe.ts', "export type C = 'AMAZON';\n")).toHaveLength(1);
  const table = 'export const hours = { WALMART: 1, AMAZON: 2 };\nexport type H = { WALMART: number };\n';
  expect(problems('apps/api/src/config/probe.ts', table)).toHaveLength(3);
  expect(
    problems(
      'apps/web/src/lib/probe.ts',
      "declare const Channel: { WALMART: 'W' };\nexport const c = Channel.WALMART;\n",
    ),
  ).toHaveLength(2);
});

test('the channel folders, the demo, migrations and tests may name channels', () => {
  const code = "export const channel = 'WALMART';\n";
  for (const file of [
    'apps/api/src/modules/channels/walmart/probe.ts',
    'apps/api/src/modules/channels/amazon/probe.ts',
    'apps/api/src/modules/demo/probe.ts',
    'apps/api/src/modules/actions/probe.test.ts',
    'apps/web/src/features/orders/probe.test.tsx',
    'apps/web/src/features/orders/test/order-fixtures.ts',
    'apps/api/test/probe.test.ts',
    'packages/rules/src/probe.ts',
  ])
    expect({ file, problems: problems(file, code) }).toEqual({ file, problems: [] });
  expect(problems('apps/api/src/modules/actions/probe.ts', "export const w = 'Walmart';\n")).toEqual([]);
});

test("an import of another module's entity file fails lint; its own entities, relations and the owner's repository do not", () => {
  const foreign = "import { OrderEntity } from '../orders/order.entity';\nexport const e = OrderEntity;\n";
  expect(problems('apps/api/src/modules/actions/probe.service.ts', foreign)).toEqual([
    "order-hub/foreign-entity-import: '../orders/order.entity' is the orders module's table: import from orders's repository or service instead (it names the row types it returns).",
  ]);
  expect(
    problems(
      'apps/api/src/modules/orders/probe.service.ts',
      "import { OrderEntity } from './order.entity';\nexport const e = OrderEntity;\n",
    ),
  ).toEqual([]);
  const typeOnly = "import type { OrderEntity } from '../orders/order.entity';\nexport type E = OrderEntity;\n";
  expect(problems('apps/api/src/modules/actions/probe.service.ts', typeOnly)).toHaveLength(1);
  const absolute = "import { OrderEntity } from 'src/modules/orders/order.entity';\nexport const e = OrderEntity;\n";
  expect(problems('apps/api/src/modules/actions/probe.service.ts', absolute)).toEqual([
    "order-hub/foreign-entity-import: 'src/modules/orders/order.entity' is the orders module's table: import from orders's repository or service instead (it names the row types it returns).",
  ]);
  expect(problems('apps/api/src/modules/orders/probe.service.ts', absolute)).toEqual([]);
  const fromRepository =
    "import type { OrderEntity } from '../orders/order.repository';\nexport type E = OrderEntity;\n";
  expect(problems('apps/api/src/modules/actions/probe.service.ts', fromRepository)).toEqual([]);
  expect(problems('apps/api/src/modules/fulfillment/probe.entity.ts', foreign)).toEqual([]);
});
