import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AlertKindCount', { description: 'How many alerts of one kind match a filter.' })
export class AlertKindCountType {
  @Field({ description: 'The rule that raised them.' })
  kind: string;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Of them, how many no one has marked seen yet.' })
  unseen: number;
}
