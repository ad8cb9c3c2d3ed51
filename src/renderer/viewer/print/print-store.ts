import { create } from 'zustand';

/** Whether the 打印 dialog is open (the toolbar's button and Ctrl+P open it). */
export const usePrintStore = create<{ open: boolean; show(): void; hide(): void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
