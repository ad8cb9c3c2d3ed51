import { useEffect, useState } from 'react';
import { App, Button, Card, Input, List, Space, Switch, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { usePickupStore } from '../state/pickup-store';
import { useSettingsStore } from '../state/settings-store';
import { isAbsolutePath } from '../util/absolute-path';

/**
 * 设置 ▸ 下载文件夹: whether the app watches where browsers save downloads, whether it imports what it
 * finds without asking, and the folders the lawyer adds to the ones it found.
 */
export function PickupSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const settings = useSettingsStore((s) => s.settings);
  const update = useSettingsStore((s) => s.update);
  const folders = usePickupStore((s) => s.list?.folders ?? []);
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  // The folders as core sees them (discovered ones with who saves there) once the page is shown.
  useEffect(() => void usePickupStore.getState().load().catch(() => undefined), []);

  async function save(key: string, change: Parameters<typeof update>[0], done?: () => void) {
    setBusy(key);
    try {
      await update(change);
      await usePickupStore.getState().load();
      done?.();
      void message.success(i18n.t('settings.saved'));
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }

  function add() {
    const folder = draft.trim();
    if (!isAbsolutePath(folder)) {
      setInvalid(true);
      return;
    }
    void save('add', { pickupFolders: [...settings.pickupFolders, folder] }, () => setDraft(''));
  }

  return (
    <Card
      title={
        <span>
          <FolderOpenOutlined className="heading-icon" aria-hidden="true" /> {t('pickup.title')}
        </span>
      }
      className="section-card"
      data-testid="pickup-settings"
    >
      <Typography.Paragraph type="secondary">{t('pickup.settingsLead')}</Typography.Paragraph>
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        <Space size={10}>
          <Switch
            aria-label={t('pickup.enabled')}
            checked={settings.pickupEnabled}
            loading={busy === 'enabled'}
            onChange={(on) => void save('enabled', { pickupEnabled: on })}
          />
          <span aria-hidden="true">{t('pickup.enabled')}</span>
        </Space>
        <Space size={10}>
          <Switch
            aria-label={t('pickup.autoImport')}
            checked={settings.pickupAutoImport}
            disabled={!settings.pickupEnabled}
            loading={busy === 'auto'}
            onChange={(on) => void save('auto', { pickupAutoImport: on })}
          />
          <span aria-hidden="true">{t('pickup.autoImport')}</span>
        </Space>
        <List
          size="small"
          bordered
          aria-label={t('pickup.folders')}
          dataSource={folders}
          locale={{ emptyText: t('pickup.noFolders') }}
          renderItem={(folder) => (
            <List.Item
              actions={
                folder.added
                  ? [
                      <Button
                        key="remove"
                        type="link"
                        size="small"
                        danger
                        loading={busy === `remove:${folder.path}`}
                        onClick={() =>
                          void save(`remove:${folder.path}`, { pickupFolders: settings.pickupFolders.filter((path) => path !== folder.path) })
                        }
                      >
                        {t('pickup.remove')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Typography.Text className="cell-note">{folder.path}</Typography.Text>
              <Typography.Text type="secondary" className="cell-note">
                {folder.label ?? t('pickup.addedFolder')}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Space.Compact block>
          <Input
            aria-label={t('pickup.addLabel')}
            value={draft}
            status={invalid ? 'error' : undefined}
            maxLength={1024}
            placeholder={t('pickup.addPlaceholder')}
            onChange={(event) => {
              setDraft(event.target.value);
              setInvalid(false);
            }}
            onPressEnter={add}
          />
          <Button type="primary" disabled={draft.trim() === ''} loading={busy === 'add'} onClick={add}>
            {t('pickup.add')}
          </Button>
        </Space.Compact>
        {invalid ? (
          <Typography.Text type="danger" role="alert" className="cell-note">
            {t('pickup.invalid')}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
