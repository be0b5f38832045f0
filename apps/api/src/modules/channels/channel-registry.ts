import type { Channel } from '@order-hub/types';
import { amazonChannel } from './amazon/amazon.channel';
import type { ChannelDescriptor } from './channel-descriptor';
import { walmartChannel } from './walmart/walmart.channel';

const DESCRIPTORS = new Map<Channel, ChannelDescriptor>([walmartChannel, amazonChannel].map((d) => [d.channel, d]));

/** The descriptor of a channel the hub connects to. */
export function channelDescriptor(channel: Channel): ChannelDescriptor {
  const found = DESCRIPTORS.get(channel);
  if (!found) throw new Error(`No channel descriptor for ${channel}`);
  return found;
}
