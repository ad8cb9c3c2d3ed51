import { useState } from 'react';
import { Button, Typography } from 'antd';
import { ExportOutlined, FileUnknownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../shared/viewer';
import { errorText } from '../i18n/error-text';
import { api } from '../transport';
import { formatBytes } from '../util/format';

function fileName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** The page a file the viewer does not show is given: what it is, and 【用系统应用打开】. */
export function OtherDocument({ info }: { info: DocumentInfo }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const extension = /\.([^./]+)$/.exec(info.path)?.[1]?.toUpperCase();

  async function openExternal() {
    setBusy(true);
    setFailure(null);
    try {
      await api['documents.openExternal']({ dossierId: info.dossierId, path: info.path });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="viewer-other" data-testid="viewer-other">
      <FileUnknownOutlined className="viewer-other-icon" aria-hidden="true" />
      <Typography.Text strong className="viewer-other-name">
        {fileName(info.path)}
      </Typography.Text>
      <dl className="viewer-other-facts">
        <dt>{t('viewer.otherType')}</dt>
        <dd>{extension ? `${extension} · ${info.mimeType}` : info.mimeType}</dd>
        <dt>{t('viewer.otherSize')}</dt>
        <dd>{formatBytes(info.size)}</dd>
      </dl>
      <Typography.Text type="secondary">{t('viewer.otherHint')}</Typography.Text>
      <Button type="primary" icon={<ExportOutlined aria-hidden="true" />} loading={busy} onClick={() => void openExternal()}>
        {t('viewer.openExternal')}
      </Button>
      {failure ? (
        <Typography.Text type="danger" role="alert">
          {errorText(i18n, failure)}
        </Typography.Text>
      ) : null}
    </div>
  );
}
