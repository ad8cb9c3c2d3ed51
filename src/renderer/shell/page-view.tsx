import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { DefenceAppointmentsPage } from '../pages/appointments/defence-appointments-page';
import { AuthorizePage } from '../pages/authorize-page';
import { BoundCasesPage } from '../pages/bound-cases/bound-cases-page';
import { BindingFormPage } from '../pages/case-binding/binding-form-page';
import { CaseBindingPage } from '../pages/case-binding/case-binding-page';
import { CompleteProfilePage } from '../pages/complete-profile-page';
import { HelpPage } from '../pages/help-page';
import { HomePage } from '../pages/home-page';
import { LibraryLockGate } from '../library-lock/library-lock-gate';
import { LibraryPage } from '../pages/library/library-page';
import { LoginPage } from '../pages/login-page';
import { MessagesPage } from '../pages/messages/messages-page';
import { PlaceholderPage } from '../pages/placeholder-page';
import { ProfilePage } from '../pages/profile-page';
import { QrLoginPage } from '../pages/qr-login-page';
import { SettingsPage } from '../pages/settings-page';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { useRouteStore } from '../state/route-store';
import { anyStageRoutes } from '../state/routes';
import { useSessionStore } from '../state/session-store';

/** The page for the current route and session (a lawyer mid-registration sees their stage page first). */
export function PageView() {
  const { t } = useTranslation();
  const route = useRouteStore((s) => s.route);
  const session = useSessionStore((s) => s.session);
  const loadError = useSessionStore((s) => s.loadError);
  const reload = useSessionStore((s) => s.load);

  if (!session) {
    if (loadError) {
      return (
        <Result
          status="warning"
          title={errorText(i18n, loadError)}
          extra={<Button onClick={() => void reload()}>{t('common.retry')}</Button>}
        />
      );
    }
    return (
      <div className="page-loading">
        <Spin description={t('app.loading')} />
      </div>
    );
  }

  const lawyer = session.status === 'signed-in' ? session.lawyer : null;
  if (session.status === 'signed-in' && session.stage !== 'ready' && !anyStageRoutes.has(route)) {
    return session.stage === 'authorize' ? <AuthorizePage lawyer={session.lawyer} /> : <CompleteProfilePage lawyer={session.lawyer} />;
  }

  switch (route) {
    case 'home':
    case 'login':
    case 'login-qr':
    case 'profile':
      if (lawyer) return <ProfilePage lawyer={lawyer} />;
      if (route === 'login') return <LoginPage />;
      if (route === 'login-qr') return <QrLoginPage />;
      if (route === 'profile') return <PlaceholderPage title={t('nav.profile')} empty="" signedIn={false} />;
      return <HomePage />;
    case 'case-binding':
      return lawyer ? <CaseBindingPage /> : <SignInFirst title={t('nav.caseBinding')} />;
    case 'case-binding-form':
      return lawyer ? <BindingFormPage /> : <SignInFirst title={t('binding.formTitle')} />;
    case 'bound-cases':
      return lawyer ? <BoundCasesPage /> : <SignInFirst title={t('nav.boundCases')} />;
    case 'defence-appointments':
      return lawyer ? <DefenceAppointmentsPage /> : <SignInFirst title={t('nav.defenceAppointments')} />;
    case 'messages':
      return <MessagesPage />;
    case 'library':
      // Downloaded dossiers are read offline: the library needs no login.
      return (
        <LibraryLockGate>
          <LibraryPage />
        </LibraryLockGate>
      );
    case 'settings':
      return <SettingsPage />;
    case 'help':
    case 'help-contacts':
      return <HelpPage />;
  }
}

function SignInFirst({ title }: { title: string }) {
  return <PlaceholderPage title={title} empty="" signedIn={false} />;
}
