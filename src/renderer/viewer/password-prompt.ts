import { create } from 'zustand';
import type { PasswordRequest } from './password-gate';

interface PasswordPromptState {
  /** The question shown, or null when the dialog is closed. */
  request: PasswordRequest | null;
  /** A password was given and pdf.js is checking it (~150 ms for AES-256). */
  checking: boolean;
  /** For the password gate: shows the dialog and waits for the lawyer. */
  ask(request: PasswordRequest): Promise<string | null>;
  /** For the dialog: a password to try, or null to stop asking. */
  answer(password: string | null): void;
  /** For the password gate: the question is settled (opened, declined, failed). */
  close(): void;
}

let pending: ((password: string | null) => void) | null = null;

/** 卷宗文档打开密码: the one dialog the password gate asks through. */
export const usePasswordPrompt = create<PasswordPromptState>((set) => ({
  request: null,
  checking: false,
  ask(request) {
    pending?.(null);
    return new Promise<string | null>((resolve) => {
      pending = resolve;
      set({ request, checking: false });
    });
  },
  answer(password) {
    const resolve = pending;
    pending = null;
    if (password === null) set({ request: null, checking: false });
    else set({ checking: true });
    resolve?.(password);
  },
  close() {
    pending?.(null);
    pending = null;
    set({ request: null, checking: false });
  },
}));
