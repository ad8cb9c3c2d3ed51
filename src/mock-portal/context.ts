import type { AccountService } from './services/accounts';
import type { BindingService } from './services/bindings';
import type { ConsoleService } from './services/console';
import type { DossierStore } from './services/dossier-store';
import type { DownloadService } from './services/downloads';
import type { MessageService } from './services/messages';
import type { PasswordLoginService } from './services/password-login';
import type { ProcuratorateService } from './services/procuratorates';
import type { QrLoginService } from './services/qr-login';
import type { ReviewService } from './services/reviews';
import type { SmsService } from './services/sms';
import type { SmsLoginService } from './services/sms-login';
import type { StepUpService } from './services/step-up';
import type { TokenService } from './services/tokens';
import type { UploadService } from './services/uploads';
import type { PortalStore } from './state/store';

/** What route handlers work with. */
export interface PortalContext {
  store: PortalStore;
  accounts: AccountService;
  tokens: TokenService;
  qrLogin: QrLoginService;
  stepUp: StepUpService;
  sms: SmsService;
  messages: MessageService;
  smsLogin: SmsLoginService;
  passwordLogin: PasswordLoginService;
  dossierFiles: DossierStore;
  downloads: DownloadService;
  procuratorates: ProcuratorateService;
  uploads: UploadService;
  bindings: BindingService;
  reviews: ReviewService;
  console: ConsoleService;
  /** Downloads are sent no faster than this (a slow line for demos and tests); null = full speed. */
  downloadBytesPerSecond: number | null;
}
