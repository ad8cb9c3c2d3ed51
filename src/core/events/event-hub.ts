import type { EventListener, EventName, EventPayload, EventSource } from '../../shared/contract';

/** Core's typed event bus: services emit, hosts subscribe and forward to the renderer. */
export class EventHub implements EventSource {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  on<N extends EventName>(name: N, listener: EventListener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One broken subscriber must not stop the others from hearing the event.
        console.error(`listener for ${name} failed:`, error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
