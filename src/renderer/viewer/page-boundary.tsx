import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children once one of them failed to render. */
  fallback: (error: Error) => ReactNode;
  /** The children are tried again when this changes (another page, a retry). */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  failedKey: string | null;
}

/**
 * Catches a render error in one page (or thumbnail) so that page shows as failed, with the reason,
 * while the rest of the viewer keeps working: React unmounts the whole tree on an uncaught error.
 */
export class PageBoundary extends Component<Props, State> {
  override state: State = { error: null, failedKey: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error && state.failedKey !== null && state.failedKey !== props.resetKey) return { error: null, failedKey: null };
    if (state.error && state.failedKey === null) return { failedKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
