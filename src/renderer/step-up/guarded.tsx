import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { StepUpActionName } from '../../shared/contract';
import { runGuarded } from './run-guarded';
import { StepUpDialog } from './step-up-dialog';

/** The lawyer closed the 律师身份核验 dialog: the action was not carried out, and nothing failed. */
export class StepUpCancelled extends Error {
  constructor() {
    super('Identity verification was cancelled');
    this.name = 'StepUpCancelled';
  }
}

export function isStepUpCancelled(error: unknown): error is StepUpCancelled {
  return error instanceof StepUpCancelled;
}

type Verify = (action: StepUpActionName) => Promise<string>;

const VerifyContext = createContext<Verify | null>(null);

interface Request {
  /** Each request gets a fresh dialog (and so a fresh QR). */
  seq: number;
  action: StepUpActionName;
  resolve: (stepUpId: string) => void;
  reject: (error: StepUpCancelled) => void;
}

/** Hosts the one 律师身份核验 dialog that guarded actions open. */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<Request | null>(null);
  const open = useRef<Request | null>(null);
  const seq = useRef(0);

  const verify = useCallback<Verify>(
    (action) =>
      new Promise<string>((resolve, reject) => {
        // A second guarded action while one dialog is up replaces the first (which counts as cancelled).
        open.current?.reject(new StepUpCancelled());
        const next = { seq: ++seq.current, action, resolve, reject };
        open.current = next;
        setRequest(next);
      }),
    [],
  );

  const finish = useCallback((outcome: { stepUpId: string } | null) => {
    const current = open.current;
    open.current = null;
    setRequest(null);
    if (!current) return;
    if (outcome) current.resolve(outcome.stepUpId);
    else current.reject(new StepUpCancelled());
  }, []);

  return (
    <VerifyContext.Provider value={verify}>
      {children}
      {request ? (
        <StepUpDialog
          key={request.seq}
          action={request.action}
          onConfirmed={(stepUpId) => finish({ stepUpId })}
          onCancel={() => finish(null)}
        />
      ) : null}
    </VerifyContext.Provider>
  );
}

export type GuardedRunner = <T>(action: StepUpActionName, call: (stepUpId?: string) => Promise<T>) => Promise<T>;

/**
 * `run(action, call)`: makes the call; when the portal wants a scan first, shows 律师身份核验 and,
 * once the phone confirmed, makes the call again carrying the verification (see runGuarded).
 * Rejects with StepUpCancelled when the lawyer closes the dialog.
 */
export function useGuarded(): GuardedRunner {
  const verify = useContext(VerifyContext);
  return useCallback<GuardedRunner>(
    (action, call) => {
      if (!verify) throw new Error('useGuarded needs a StepUpProvider');
      return runGuarded(verify, action, call);
    },
    [verify],
  );
}

/**
 * The scan on its own, for an action whose manual order is scan first, then a form (卷宗下载:
 * 律师身份核验, then the 卷宗下载密码): resolves with the confirmed verification's id, rejects with
 * StepUpCancelled when the lawyer closes the dialog.
 */
export function useStepUpVerify(): Verify {
  const verify = useContext(VerifyContext);
  return useCallback<Verify>(
    (action) => {
      if (!verify) throw new Error('useStepUpVerify needs a StepUpProvider');
      return verify(action);
    },
    [verify],
  );
}
