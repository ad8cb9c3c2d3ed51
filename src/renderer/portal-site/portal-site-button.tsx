import { useState } from 'react';
import { Button, type ButtonProps } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../shell/use-report-error';
import { api } from '../transport';

/**
 * 【门户网站】: the portal's site (the real 12309 中国检察网, or the demo portal's). The desktop app shows
 * it in its own window, whose downloads come straight into 卷宗库; in a browser tab it opens in a new
 * tab, and the 下载文件夹 pickup brings the downloaded archive in.
 */
export function PortalSiteButton(props: Omit<ButtonProps, 'onClick' | 'loading'>) {
  const { t } = useTranslation();
  const report = useReportError();
  const [opening, setOpening] = useState(false);

  async function open() {
    setOpening(true);
    try {
      const { url, opened } = await api['portalSite.open']({});
      // Still within the click's user activation: browsers let the tab open.
      if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
    } catch (error) {
      report(error);
    } finally {
      setOpening(false);
    }
  }

  return (
    <Button icon={<GlobalOutlined aria-hidden="true" />} {...props} loading={opening} onClick={() => void open()}>
      {t('portalSite.button')}
    </Button>
  );
}
