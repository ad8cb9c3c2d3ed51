/** 消息: the contract's message calls. */
import type { CallsUnder } from '../calls/call-group';
import type { MessageService } from './index';

export function messageCalls(messages: MessageService): CallsUnder<'messages'> {
  return {
    'messages.list': async () => messages.list(),
    'messages.markRead': async ({ ids }) => messages.markRead(ids),
  };
}
