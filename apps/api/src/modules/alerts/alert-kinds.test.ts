import { ALARM_KINDS } from 'src/modules/compliance/compliance-alarms.service';
import { NOTIFIABLE_ALERT_KINDS } from './alert-kinds';

describe('notifiable alert kinds', () => {
  it('names every kind the alarm scan raises, so a rule can pick any of them out', () => {
    expect(ALARM_KINDS.filter((kind) => !(kind in NOTIFIABLE_ALERT_KINDS))).toEqual([]);
  });
});
