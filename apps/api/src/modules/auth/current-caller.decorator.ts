import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import type { Caller } from './caller';

export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller = GqlExecutionContext.create(ctx).getContext<GraphqlContext>().caller;
  if (!caller) throw new Error('CurrentCaller used on an operation the auth guard did not check');
  return caller;
});
