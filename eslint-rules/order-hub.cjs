// The project's own lint rules: they keep channel knowledge in one home and each table behind its owning module.
const path = require('node:path');

const CHANNEL_NAMES = new Set(['WALMART', 'AMAZON']);

/** A channel's name as a string literal: outside the allowed folders, read the channel profile instead. */
const channelNameLiteral = {
  meta: {
    type: 'problem',
    messages: {
      literal:
        "'{{name}}' names a channel: read channelProfile(channel) / policyFor(…) from @order-hub/rules instead (channel knowledge lives in packages/rules and channels/<channel>/).",
    },
    schema: [],
  },
  create(context) {
    const check = (node, value) => {
      if (typeof value === 'string' && CHANNEL_NAMES.has(value))
        context.report({ node, messageId: 'literal', data: { name: value } });
    };
    return {
      Literal: (node) => check(node, node.value),
      TemplateElement: (node) => check(node, node.value.cooked),
      // `{ WALMART: … }` tables and `Channel.WALMART` are the same knowledge under another spelling.
      'Property > Identifier.key': (node) => check(node, node.name),
      'TSPropertySignature > Identifier.key': (node) => check(node, node.name),
      'MemberExpression > Identifier.property': (node) => check(node, node.name),
    };
  },
};

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;

/** The feature module a file belongs to (apps/api/src/modules/<module>/…), or null. */
function moduleOf(file) {
  const at = file.indexOf(MODULES);
  return at < 0 ? null : file.slice(at + MODULES.length).split(path.sep)[0];
}

/**
 * An import of another module's entity file: that table's owner has a repository (which also names the row types
 * it returns) or a service for it. Entity files may import each other (TypeORM relations).
 */
const foreignEntityImport = {
  meta: {
    type: 'problem',
    messages: {
      foreign:
        "'{{source}}' is the {{owner}} module's table: import from {{owner}}'s repository or service instead (it names the row types it returns).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    if (!own || file.endsWith('.entity.ts')) return {};
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (!/\.entity$/.test(source)) return;
        const target = source.startsWith('src/')
          ? path.join(file.slice(0, file.indexOf(MODULES)), source)
          : source.startsWith('.')
            ? path.resolve(path.dirname(file), source)
            : null;
        if (!target) return;
        const owner = moduleOf(target);
        if (owner && owner !== own) context.report({ node, messageId: 'foreign', data: { source, owner } });
      },
    };
  },
};

const plugin = { rules: { 'channel-name-literal': channelNameLiteral, 'foreign-entity-import': foreignEntityImport } };

/** Where each rule applies: shared with the test that proves it. */
const configs = [
  {
    files: ['apps/api/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
    ignores: [
      'apps/api/src/modules/channels/walmart/**',
      'apps/api/src/modules/channels/amazon/**',
      'apps/api/src/modules/demo/**',
      'apps/api/src/database/migrations/**',
      'apps/web/src/gql/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test/**',
    ],
    plugins: { 'order-hub': plugin },
    rules: { 'order-hub/channel-name-literal': 'error' },
  },
  {
    files: ['apps/api/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { 'order-hub': plugin },
    rules: { 'order-hub/foreign-entity-import': 'error' },
  },
];

module.exports = { plugin, configs };
