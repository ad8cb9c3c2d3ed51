import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../state/records';
import { PortalStore } from '../state/store';
import { bindingApprovedMessage, dossierReadyMessage } from './message-texts';
import { MESSAGE_LIMIT, MessageService } from './messages';

const lawyer = { id: 'lawyer-1' } as AccountRecord;

describe('MessageService', () => {
  it('keeps the newest messages of a lawyer up to the limit, without touching others', async () => {
    const store = await PortalStore.open();
    const messages = new MessageService(store);
    await messages.notify('lawyer-2', 'b-other', bindingApprovedMessage('某院', '某案'));
    const start = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < MESSAGE_LIMIT + 3; i += 1) {
      await messages.notify(lawyer.id, `b-${i}`, bindingApprovedMessage('某院', `案${i}`), new Date(start + i * 1000));
    }
    const list = messages.list(lawyer);
    expect(list.items).toHaveLength(MESSAGE_LIMIT);
    expect(list.items[0]?.subjectId).toBe(`b-${MESSAGE_LIMIT + 2}`);
    expect(list.items.at(-1)?.subjectId).toBe('b-3');
    expect(messages.list({ id: 'lawyer-2' } as AccountRecord).items).toHaveLength(1);
  });

  it('lists messages of the same instant newest first', async () => {
    const store = await PortalStore.open();
    const messages = new MessageService(store);
    const now = new Date('2024-01-01T00:00:00Z');
    await messages.notify(lawyer.id, 'first', bindingApprovedMessage('某院', '某案'), now);
    await messages.notify(lawyer.id, 'second', dossierReadyMessage('某院', '某案'), now);
    expect(messages.list(lawyer).items.map((m) => m.subjectId)).toEqual(['second', 'first']);
  });
});
