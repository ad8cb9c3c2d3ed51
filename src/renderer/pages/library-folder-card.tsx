import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { FolderOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { useAppInfoStore } from '../state/app-info-store';
import { useSettingsStore } from '../state/settings-store';
import { isAbsolutePath } from '../util/absolute-path';

/**
 * 设置 ▸ 卷宗保存位置: the managed folder downloads and imports go into. Changing it moves nothing:
 * dossiers already in the library stay where they are.
 */
export function LibraryFolderCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const inUse = useAppInfoStore((s) => s.info?.libraryFolder ?? null);
  const custom = useSettingsStore((s) => s.settings.libraryFolder);
  const setLibraryFolder = useSettingsStore((s) => s.setLibraryFolder);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState<'save' | 'default' | null>(null);

  // The field shows the folder in use until the lawyer edits it.
  const value = draft ?? inUse ?? '';
  useEffect(() => setDraft(null), [inUse]);

  async function save(folder: string | null) {
    if (folder !== null && !isAbsolutePath(folder)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(folder === null ? 'default' : 'save');
    try {
      await setLibraryFolder(folder === null ? null : folder.trim());
      setDraft(null);
      void message.success(i18n.t('settings.saved'));
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }

  const changed = draft !== null && draft.trim() !== (inUse ?? '');
  return (
    <Card
      title={
        <span>
          <FolderOutlined className="heading-icon" aria-hidden="true" /> {t('settings.libraryFolder')}
        </span>
      }
      className="section-card"
    >
      {inUse === null ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : (
        <div className="library-folder">
          <Typography.Paragraph type="secondary">
            {t('settings.libraryFolderLead')}{' '}
            <Tag>{custom ? t('settings.libraryFolderIsCustom') : t('settings.libraryFolderIsDefault')}</Tag>
          </Typography.Paragraph>
          <Space.Compact block>
            <Input
              aria-label={t('settings.libraryFolder')}
              value={value}
              status={invalid ? 'error' : undefined}
              maxLength={1024}
              placeholder={t('settings.libraryFolderPlaceholder')}
              onChange={(event) => {
                setDraft(event.target.value);
                setInvalid(false);
              }}
              onPressEnter={() => changed && void save(value)}
            />
            <Button type="primary" disabled={!changed} loading={busy === 'save'} onClick={() => void save(value)}>
              {t('settings.libraryFolderSave')}
            </Button>
          </Space.Compact>
          {invalid ? (
            <Typography.Text type="danger" role="alert" className="cell-note">
              {t('settings.libraryFolderInvalid')}
            </Typography.Text>
          ) : null}
          <div className="library-folder-foot">
            <Typography.Text type="secondary" className="cell-note">
              {t('settings.libraryFolderNote')}
            </Typography.Text>
            <Button size="small" disabled={!custom} loading={busy === 'default'} onClick={() => void save(null)}>
              {t('settings.libraryFolderDefault')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
