import { useCallback, useState, type ReactNode } from 'react';
import type { AppointmentItem } from '../../shared/contract';
import { useReportError } from '../shell/use-report-error';
import { useStepUpVerify } from '../step-up/guarded';
import { DownloadPasswordDialog } from './download-password-dialog';

/**
 * 【卷宗下载】 in the manual's order: 律师身份核验 first (a scan every time), then the 卷宗下载密码
 * dialog, which starts the download. Returns the starter and the dialog to render.
 */
export function useDossierDownload(): { start(appointment: AppointmentItem): void; dialog: ReactNode } {
  const verify = useStepUpVerify();
  const report = useReportError();
  const [request, setRequest] = useState<{ appointment: AppointmentItem; stepUpId: string; seq: number } | null>(null);

  const start = useCallback(
    (appointment: AppointmentItem) => {
      verify('download')
        .then((stepUpId) => setRequest((previous) => ({ appointment, stepUpId, seq: (previous?.seq ?? 0) + 1 })))
        .catch(report);
    },
    [report, verify],
  );

  const dialog = request ? (
    <DownloadPasswordDialog
      key={request.seq}
      appointment={request.appointment}
      stepUpId={request.stepUpId}
      onClose={() => setRequest(null)}
    />
  ) : null;
  return { start, dialog };
}
