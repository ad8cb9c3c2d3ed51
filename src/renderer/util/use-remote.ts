import { useCallback, useEffect, useRef, useState } from 'react';
import { on } from '../transport';

export interface Remote<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetches again (after an action); the data shown stays until the answer arrives. */
  reload(): Promise<void>;
}

/**
 * Data a page shows, fetched when the page is shown, when `key` changes (a search) and on
 * `reload()`. With `onMessages`, also when the portal's notifications change: a review or
 * approval arrives as a message.
 */
export function useRemote<T>(load: () => Promise<T>, options: { onMessages?: boolean; key?: string } = {}): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const loader = useRef(load);
  loader.current = load;
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (ticket !== latest.current) return;
      setData(value);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  const key = options.key;
  useEffect(() => {
    void reload();
    // An answer arriving after the page is gone (or for an older key) is dropped.
    return () => {
      latest.current += 1;
    };
  }, [reload, key]);

  const onMessages = options.onMessages ?? false;
  useEffect(() => (onMessages ? on('messages.changed', () => void reload()) : undefined), [onMessages, reload]);

  return { data, error, loading, reload };
}
