import { Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell/page-title';
import { navigate } from '../state/route-store';

/**
 * A menu page whose content comes later: its title and an honest empty state. Pages that need a
 * login say so and offer 【登录】.
 */
export function PlaceholderPage({ title, empty, signedIn }: { title: string; empty: string; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle title={title} />
      <Card className="section-card empty-card">
        {signedIn ? (
          <Empty description={empty} />
        ) : (
          <Empty description={t('common.signInFirst')}>
            <Button type="primary" onClick={() => navigate('login')}>
              {t('header.login')}
            </Button>
          </Empty>
        )}
      </Card>
    </div>
  );
}
