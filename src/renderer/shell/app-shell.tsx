import { Alert, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadNotifier } from '../downloads/download-notifier';
import { PickupNotifier } from '../pickup/pickup-notifier';
import { useAppInfoStore } from '../state/app-info-store';
import { useConnectionStore } from '../state/connection-store';
import { missingLaunchToken } from '../transport';
import { StepUpProvider } from '../step-up/guarded';
import { AppHeader } from './app-header';
import { DemoBanner } from './demo-banner';
import { NoticeListener } from './notice-listener';
import { PageView } from './page-view';
import { SideNav } from './side-nav';
import { useSideNavFold } from './use-side-nav-fold';

export function AppShell() {
  const { t } = useTranslation();
  const mock = useAppInfoStore((s) => s.info?.portal.mock ?? false);
  const connection = useConnectionStore((s) => s.state);
  const fold = useSideNavFold();

  return (
    <StepUpProvider>
      <Layout className="app-layout">
        <NoticeListener />
        <DownloadNotifier />
        <PickupNotifier />
        {mock ? <DemoBanner /> : null}
        <AppHeader />
        {connection === 'closed' ? <Alert banner type="error" title={t(missingLaunchToken ? 'connection.noToken' : 'connection.lost')} /> : null}
        <Layout className="app-body">
          <Layout.Sider
            width={236}
            collapsedWidth={64}
            theme="light"
            className="app-sider"
            collapsible
            collapsed={fold.collapsed}
            trigger={null}
          >
            <SideNav collapsed={fold.collapsed} onToggle={fold.toggle} />
          </Layout.Sider>
          <Layout.Content className="app-content">
            <main>
              <PageView />
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </StepUpProvider>
  );
}
