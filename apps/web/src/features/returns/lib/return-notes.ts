import type { TimelineNote } from '@/features/outbox/lib/timeline';
import type { ReturnView } from '../api/returns.graphql';
import { reasonsOf } from './returns-format';
import { returnSteps } from './return-timeline';

/** Each return's steps as the order's timeline tells them: "Return 77001122 (Damaged): The item came back". */
export function returnNotes(returns: readonly ReturnView[]): TimelineNote[] {
  return returns.flatMap((ret) =>
    returnSteps(ret).map((step) => ({
      id: `${ret.id}:${step.key}`,
      at: step.at,
      text: `Return ${ret.channelReturnId} (${reasonsOf(ret.lines)}): ${step.text}`,
    })),
  );
}
