import { PushEventEntity } from './push-event.entity';
import { PushSubscriptionEntity } from './push-subscription.entity';
import { PushUnannouncedEntity } from './push-unannounced.entity';

export const PUSH_ENTITIES = [PushSubscriptionEntity, PushEventEntity, PushUnannouncedEntity];
