import { useState } from 'react';
import { Alert, Button, Dropdown, Typography } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReadingNotesExport } from '../../../shared/viewer';
import { useReportError } from '../../shell/use-report-error';
import { api } from '../../transport';
import { base64ToBlob, offerDownload } from './file-download';

type ExportFormat = 'markdown' | 'docx';

/**
 * 导出阅卷笔录 as Markdown or Word: core writes it into the dossier's folder and returns it, and
 * the file is also offered as a download; the panel says where the saved copy is.
 */
export function NotesExport({ dossierId, disabled }: { dossierId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Pick<ReadingNotesExport, 'fileName' | 'path'> | null>(null);

  async function run(format: ExportFormat) {
    setBusy(true);
    setDone(null);
    try {
      const file = await api['notes.export']({ dossierId, format });
      offerDownload(base64ToBlob(file.dataBase64, file.mimeType), file.fileName);
      setDone({ fileName: file.fileName, path: file.path });
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Dropdown
        disabled={disabled || busy}
        trigger={['click']}
        menu={{
          items: [
            { key: 'markdown', label: <span data-testid="notes-export-markdown">{t('viewerPanels.notes.exportMarkdown')}</span> },
            { key: 'docx', label: <span data-testid="notes-export-docx">{t('viewerPanels.notes.exportDocx')}</span> },
          ],
          onClick: ({ key }) => void run(key as ExportFormat),
        }}
      >
        <Button size="small" icon={<ExportOutlined aria-hidden="true" />} loading={busy} data-testid="notes-export">
          {t('viewerPanels.notes.export')} <DownOutlined aria-hidden="true" />
        </Button>
      </Dropdown>
      {done ? (
        <Alert
          type="success"
          showIcon
          className="notes-exported"
          data-testid="notes-exported"
          closable={{ onClose: () => setDone(null) }}
          title={
            <>
              <div>{t('viewerPanels.notes.exported', { fileName: done.fileName })}</div>
              <Typography.Text type="secondary" className="panel-note" copyable={{ text: done.path }}>
                {t('viewerPanels.notes.exportedPath', { path: done.path })}
              </Typography.Text>
            </>
          }
        />
      ) : null}
    </>
  );
}
