import type { TrackingHoldView } from '../api/carrier-tracking.graphql';

/** How a held confirmation went out: "Sent to the channel at the first carrier scan, Nov 20, 10:05 PST". */
export function holdReleaseLabel(reason: TrackingHoldView['releaseReason'], at: string): string {
  switch (reason) {
    case 'FIRST_SCAN':
      return `Sent to the channel at the first carrier scan, ${at}`;
    case 'DEADLINE':
      return `Sent to the channel at the deadline without a scan, ${at}`;
    case 'MANUAL':
      return `Sent to the channel by an operator (Confirm now), ${at}`;
    case null:
    case undefined:
      return `Sent to the channel, ${at}`;
  }
}
