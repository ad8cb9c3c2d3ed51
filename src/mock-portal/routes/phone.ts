/** The 中国律师身份核验 mini-program's side: activation, 扫一扫 and the confirmation; and the phone's SMS inbox. */
import type { FastifyInstance } from 'fastify';
import type {
  PhoneActivateResponse,
  PhoneConfirmResponse,
  PhoneScanResponse,
  SmsInboxResponse,
} from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { parseInput } from '../validation/parse';
import { activateRequestSchema, phoneConfirmSchema, phoneScanSchema, phoneSmsQuerySchema } from '../validation/requests';

export function phoneRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.post('/api/phone/activate', async (request, reply): Promise<PhoneActivateResponse> => {
    const input = parseInput(activateRequestSchema, request.body, 'body');
    const { created, lawyer } = await ctx.accounts.activate(input);
    reply.code(created ? 201 : 200);
    return lawyer;
  });

  app.post('/api/phone/scan', async (request): Promise<PhoneScanResponse> => {
    const { qrText, phone } = parseInput(phoneScanSchema, request.body, 'body');
    return ctx.qrLogin.scan(qrText, phone);
  });

  app.post('/api/phone/confirm', async (request): Promise<PhoneConfirmResponse> => {
    const { sessionId, phone, decision } = parseInput(phoneConfirmSchema, request.body, 'body');
    return ctx.qrLogin.confirm(sessionId, phone, decision);
  });

  // The simulated handset reading its own inbox: like the rest of the simulated phone, it is
  // identified by its number alone.
  app.get('/api/phone/sms', async (request): Promise<SmsInboxResponse> => {
    const { phone } = parseInput(phoneSmsQuerySchema, request.query, 'query');
    const messages = ctx.sms
      .inbox(phone)
      .map(({ id, kind, text, sentAt }) => ({ id, kind, text, sentAt }))
      .reverse();
    return { messages };
  });
}
