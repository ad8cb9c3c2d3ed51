/**
 * createCore(): composes the services into the object that implements the app contract.
 * Electron-free: the Electron shell, the web host and the CLI all drive this same object.
 */
import { mkdir } from 'node:fs/promises';
import type { AppInfo, DossierApi } from '../shared/contract';
import type { PortalHealth } from '../shared/portal-wire';
import { AuthService } from './auth';
import { CaseService } from './cases';
import type { Core, CoreOptions } from './core';
import { DirectoryService } from './directory';
import { DossierPasswordStore } from './dossier-passwords';
import { EventHub } from './events/event-hub';
import { MessageService } from './messages';
import { PortalClient } from './portal-client';
import { openSecretStore } from './secrets';
import { SettingsService } from './settings';
import { SmsPasteService } from './sms-paste';

export type { Core, CoreOptions } from './core';

export async function createCore(options: CoreOptions): Promise<Core> {
  await mkdir(options.dataDir, { recursive: true });
  const events = new EventHub();
  const portal = new PortalClient({ baseUrl: options.portalUrl });
  const settings = new SettingsService(options.dataDir);
  await settings.load();

  const secrets = await openSecretStore(options.secretStore ?? 'keychain', (reason) => {
    // The reason goes to the log for the maintainer; the lawyer is told through app.info and the notice.
    console.warn(`No OS keychain available, secrets are kept in memory for this run: ${reason}`);
    events.emit('app.notice', {
      code: 'SECRET_STORE_MEMORY',
      message: 'No OS keychain is available: the session is kept in memory for this run only.',
    });
  });

  let health: PortalHealth | null = await portal.health().catch(() => null);
  const auth = new AuthService({
    portal,
    secrets,
    events,
    // The token belongs to one portal data set; a different portal must not be handed it.
    tokenAccount: `portal-session:${health?.instanceId ?? new URL(portal.baseUrl).origin}`,
  });
  await auth.restore();

  const messages = new MessageService(portal, auth, events, options.messagesPollMs);
  const dossierPasswords = new DossierPasswordStore(secrets);
  const cases = new CaseService(portal, auth, dossierPasswords, () => messages.nudge());
  const directory = new DirectoryService(portal);
  const smsPaste = new SmsPasteService(portal, auth, dossierPasswords);

  async function appInfo(): Promise<AppInfo> {
    if (!health) health = await portal.health().catch(() => null);
    return {
      version: options.appVersion,
      portal: { url: portal.baseUrl, name: health?.name ?? null, mock: health?.mock ?? false, reachable: health !== null },
      secretStore: secrets.kind,
    };
  }

  const api: DossierApi = {
    'app.info': async () => appInfo(),
    'settings.get': async () => settings.get(),
    'settings.update': async (change) => settings.update(change),
    'auth.session': async () => auth.getSession(),
    'auth.qrStart': async () => auth.startQrLogin(),
    'auth.qrStop': async ({ id }) => {
      auth.stopQr(id);
      return null;
    },
    'auth.agree': async () => auth.agree(),
    'auth.completeProfile': async (profile) => auth.completeProfile(profile),
    'auth.logout': async () => auth.logout(),
    'auth.smsCodeRequest': async ({ phone }) => {
      const { resendAfterSeconds } = await auth.requestSmsCode(phone);
      return { resendAfterSeconds };
    },
    'auth.smsLogin': async ({ phone, code }) => auth.smsLogin(phone, code),
    'auth.passwordLogin': async ({ phone, password }) => auth.passwordLogin(phone, password),
    'stepUp.start': async ({ action }) => auth.startStepUp(action),
    'procuratorates.list': async (filter) => directory.procuratorates(filter),
    'uploads.add': async (upload) => cases.addUpload(upload),
    'bindings.list': async () => cases.bindings(),
    'bindings.create': async (form) => cases.createBinding(form),
    'boundCases.list': async () => cases.boundCases(),
    'reviews.notice': async () => cases.reviewNotice(),
    'reviews.apply': async (application) => cases.applyForReview(application),
    'appointments.list': async () => cases.appointments(),
    'messages.list': async () => messages.list(),
    'messages.markRead': async ({ ids }) => messages.markRead(ids),
    'sms.paste': async ({ text }) => smsPaste.paste(text),
    'contacts.list': async ({ q }) => directory.contacts(q),
  };

  return {
    api,
    on: (name, listener) => events.on(name, listener),
    async close() {
      messages.close();
      auth.close();
      events.clear();
    },
  };
}
