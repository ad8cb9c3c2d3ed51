import { create } from 'zustand';
import { connection, type ConnectionState } from '../transport';

/** The link to core (always `open` under Electron; the WebSocket's state in a browser). */
export const useConnectionStore = create<{ state: ConnectionState }>(() => ({ state: connection() }));
