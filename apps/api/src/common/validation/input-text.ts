import {
  GraphQLError,
  Kind,
  typeFromAST,
  getNamedType,
  getNullableType,
  isScalarType,
  isInputObjectType,
  isListType,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
import { BadUserInputError, ErrorCode } from 'src/common/errors/app-error';
import { findTextProblem, textProblem } from './text';

/**
 * The text rule (no NUL, no lone surrogate), and the id rule (an ID is a UUID), on every string written inline in an operation's arguments, at any
 * depth of input objects and lists, for fields and directives alike. Also names the argument path (`field`) on
 * the other validation errors raised inside an argument, such as an invalid DateTime literal. A validation rule,
 * so Mercurius caches its verdict with the parsed query; variables are checked by `inputTextHook`.
 */
export function inputTextRule(context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  const report = context.reportError.bind(context);
  context.reportError = (error: GraphQLError) => report(path.length ? withField(error, path.join('.')) : error);

  const enterValue = (node: ASTNode, key: string | number | undefined) => {
    if (!path.length) return;
    // A list item is entered with its index as key; object fields push their name themselves.
    if (typeof key === 'number' && node.kind !== Kind.OBJECT_FIELD) path.push(String(key));
  };
  const leaveValue = (node: ASTNode, key: string | number | undefined) => {
    if (path.length > 1 && typeof key === 'number' && node.kind !== Kind.OBJECT_FIELD) path.pop();
  };
  return {
    // A variable's default value is a literal too.
    VariableDefinition: {
      enter(node) {
        path.length = 0;
        path.push(node.variable.name.value);
      },
      leave() {
        path.length = 0;
      },
    },
    Argument: {
      enter(node) {
        path.length = 0;
        path.push(node.name.value);
      },
      leave() {
        path.length = 0;
      },
    },
    ObjectField: {
      enter(node) {
        if (path.length) path.push(node.name.value);
      },
      leave() {
        if (path.length > 1) path.pop();
      },
    },
    StringValue: {
      enter(node, key) {
        enterValue(node, key);
        const problem = path.length ? (textProblem(node.value) ?? idProblem(context, node.value)) : null;
        if (problem) report(badInput(path.join('.'), problem, node));
      },
      leave: leaveValue,
    },
    IntValue: {
      enter(node, key) {
        enterValue(node, key);
        const problem = path.length ? idProblem(context, node.value) : null;
        if (problem) report(badInput(path.join('.'), problem, node));
      },
      leave: leaveValue,
    },
    ObjectValue: { enter: enterValue, leave: leaveValue },
    ListValue: { enter: enterValue, leave: leaveValue },
    FloatValue: { enter: enterValue, leave: leaveValue },
    BooleanValue: { enter: enterValue, leave: leaveValue },
    EnumValue: { enter: enterValue, leave: leaveValue },
    NullValue: { enter: enterValue, leave: leaveValue },
    Variable: { enter: enterValue, leave: leaveValue },
  };
}

/**
 * A Mercurius preExecution hook: the text and id rules on every string in the operation's variables (input objects,
 * lists, JSON values, object keys), refused as BAD_USER_INPUT naming the path (`input.trackingNumber`).
 */
export function inputTextHook() {
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables?: Record<string, unknown>,
  ): void => {
    if (!variables) return;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const v of definition.variableDefinitions ?? []) {
        const name = v.variable.name.value;
        if (!(name in variables)) continue;
        const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined;
        const found = type ? findInTyped(type, variables[name], name) : findTextProblem(variables[name], name);
        if (found) throw new BadUserInputError(found.field, found.problem);
      }
    }
  };
}

/** As findTextProblem, but input-object paths follow the type, so unknown keys are left to GraphQL's coercion. */
function findInTyped(type: GraphQLInputType, value: unknown, path: string): { field: string; problem: string } | null {
  const t: GraphQLInputType = getNullableType(type);
  if (value === null || value === undefined) return null;
  if (isListType(t) && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInTyped(t.ofType, value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(t) && typeof value === 'object' && !Array.isArray(value)) {
    const fields = t.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const found = fields[key] ? findInTyped(fields[key].type, item, `${path}.${key}`) : null;
      if (found) return found;
    }
    return null;
  }
  if (isScalarType(t) && t.name === 'ID' && (typeof value === 'string' || typeof value === 'number')) {
    const problem = typeof value === 'string' ? textProblem(value) : null;
    if (problem) return { field: path, problem };
    return typeof value === 'string' && UUID.test(value) ? null : { field: path, problem: ID_RULE };
  }
  return findTextProblem(value, path);
}

/** Every id the hub hands out is a UUID; anything else cannot name a row, and must not reach SQL as one. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_RULE = 'must be an id returned by the API (a UUID).';

function idProblem(context: ValidationContext, value: string): string | null {
  const type = context.getInputType();
  return type && getNamedType(type)?.name === 'ID' && !UUID.test(value) ? ID_RULE : null;
}

function badInput(field: string, problem: string, node: ASTNode): GraphQLError {
  return new GraphQLError(`${field}: ${problem}`, {
    nodes: node,
    extensions: { code: ErrorCode.BAD_USER_INPUT, field },
  });
}

function withField(error: GraphQLError, field: string): GraphQLError {
  if (error.extensions?.field) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: error.extensions?.code ?? ErrorCode.BAD_USER_INPUT, field },
  });
}
