import type { AccountService } from './services/accounts';
import type { QrLoginService } from './services/qr-login';
import type { TokenService } from './services/tokens';
import type { PortalStore } from './state/store';

/** What route handlers work with. */
export interface PortalContext {
  store: PortalStore;
  accounts: AccountService;
  tokens: TokenService;
  qrLogin: QrLoginService;
}
