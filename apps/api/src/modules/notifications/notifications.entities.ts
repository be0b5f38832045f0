import { NotificationCursorEntity } from './notification-cursor.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationRuleEntity } from './notification-rule.entity';

/** The entities this module owns (listed in src/database/entities.ts). */
export const NOTIFICATION_ENTITIES: (new () => object)[] = [
  NotificationRuleEntity,
  NotificationDeliveryEntity,
  NotificationCursorEntity,
];
