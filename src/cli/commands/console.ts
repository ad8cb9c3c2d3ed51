/** `dossier console`: the prosecutors' side of the portal, from the shell. Talks to the portal over HTTP only. */
import { parseArgs } from 'node:util';
import type {
  ConsoleBindingListResponse,
  ConsoleKind,
  ConsolePublishRequest,
  ConsoleReviewListResponse,
} from '../../shared/portal-wire';
import { parseOrUsage, portalUrl, printJson, required } from '../cli-args';
import { callPortal, PortalRefusal } from '../portal-http';
import { UsageError, type Command } from '../command';
import { consoleGenerateUsage, runConsoleGenerate } from './console-generate';

const usage = `Usage:
  dossier console list --portal URL [--kind bindings|reviews] [--status S]
  dossier console approve <id> --portal URL [--kind bindings|reviews]
  dossier console reject <id> --reason R --portal URL [--kind bindings|reviews]
  dossier console publish <id> --portal URL [--pages N]
  dossier console generate --out FILE --pages N [--format zip|7z] [--gbk] [--open-password P]

The prosecutor console (检察官控制台) of the bundled mock portal; the portal answers it on
loopback only. The same queues are on the web page at <portal>/console.
  list      prints the 案件绑定申请 and 在线阅卷申请 as JSON lines, each with "kind"
            (binding or review), oldest first; --status pending|approved|rejected|published
  approve   审核通过 a binding or review; the lawyer gets the SMS
  reject    审核不通过 with a reason (2–200 characters), sent to the lawyer by SMS
  publish   卷宗网上处理完成 for an approved review: generates the dossier and texts the
            lawyer its 卷宗下载密码 and 卷宗文档打开密码
  generate  writes a generated dossier to disk (for benchmarks and tests; no portal needed)

approve and reject tell bindings from reviews by the id; --kind says it outright.
Each command that changes something prints the updated application as one JSON line.

Options:
  --portal URL   the portal, e.g. http://127.0.0.1:8080
  --kind K       bindings or reviews
  --status S     only applications in this status
  --reason R     why the application is not approved
  --pages N      pages of the published dossier (default: the portal's setting)`;

function kindOption(value: unknown): ConsoleKind | undefined {
  if (value === undefined) return undefined;
  if (value === 'bindings' || value === 'reviews') return value;
  throw new UsageError(`--kind must be bindings or reviews, not '${String(value)}'`);
}

const singular = { bindings: 'binding', reviews: 'review' } as const;

/** The kind an id names by its prefix, when it has one of the portal's. */
export function kindOfId(id: string): ConsoleKind | undefined {
  if (/(^|[-_])bind(ing)?[-_]/i.test(id)) return 'bindings';
  if (/(^|[-_])rev(iew)?[-_]/i.test(id)) return 'reviews';
  return undefined;
}

async function list(argv: string[]): Promise<number> {
  const { values } = parseOrUsage(
    () =>
      parseArgs({
        args: argv,
        options: { portal: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' } },
        allowPositionals: true,
      }),
    0,
  );
  const kind = kindOption(values.kind);
  const portal = portalUrl(required(values, 'portal'));
  const query = values.status === undefined ? '' : `?status=${encodeURIComponent(values.status)}`;
  for (const each of kind === undefined ? (['bindings', 'reviews'] as const) : [kind]) {
    // Reviews have one more status than bindings: list that status where it exists.
    if (kind === undefined && each === 'bindings' && values.status === 'published') continue;
    const answer = await callPortal<ConsoleBindingListResponse | ConsoleReviewListResponse>(portal, 'GET', `/api/console/${each}${query}`);
    for (const item of answer.items) printJson({ kind: singular[each], ...item });
  }
  return 0;
}

/** POST /api/console/{kind}/{id}/{action}, trying bindings then reviews when the id does not say. */
async function transition(argv: string[], action: 'approve' | 'reject'): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () =>
      parseArgs({
        args: argv,
        options: { portal: { type: 'string' }, kind: { type: 'string' }, reason: { type: 'string' } },
        allowPositionals: true,
      }),
    1,
    'application id',
  );
  const id = positionals[0] ?? '';
  const body = action === 'reject' ? { reason: required(values, 'reason') } : undefined;
  if (action === 'approve' && values.reason !== undefined) throw new UsageError('--reason is only for reject');
  const portal = portalUrl(required(values, 'portal'));
  const known = kindOption(values.kind) ?? kindOfId(id);
  const kinds: ConsoleKind[] = known === undefined ? ['bindings', 'reviews'] : [known];
  for (const [index, kind] of kinds.entries()) {
    try {
      const item = await callPortal<object>(portal, 'POST', `/api/console/${kind}/${encodeURIComponent(id)}/${action}`, body);
      printJson({ kind: singular[kind], ...item });
      return 0;
    } catch (error) {
      const lastTry = index === kinds.length - 1;
      if (lastTry || !(error instanceof PortalRefusal) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  return 1;
}

async function publish(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () => parseArgs({ args: argv, options: { portal: { type: 'string' }, pages: { type: 'string' } }, allowPositionals: true }),
    1,
    'application id',
  );
  const request: ConsolePublishRequest = {};
  if (values.pages !== undefined) {
    if (!/^\d{1,5}$/.test(values.pages) || Number(values.pages) < 1) {
      throw new UsageError(`--pages must be a whole number ≥ 1, not '${values.pages}'`);
    }
    request.pages = Number(values.pages);
  }
  const portal = portalUrl(required(values, 'portal'));
  const id = positionals[0] ?? '';
  const item = await callPortal<object>(portal, 'POST', `/api/console/reviews/${encodeURIComponent(id)}/publish`, request);
  printJson({ kind: 'review', ...item });
  return 0;
}

export const consoleCommand: Command = {
  name: 'console',
  summary: 'Act as the prosecutors: list, approve, reject, publish; generate a dossier',
  usage: `${usage}\n\n${consoleGenerateUsage}`,
  async run(argv) {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'list':
        return list(rest);
      case 'approve':
        return transition(rest, 'approve');
      case 'reject':
        return transition(rest, 'reject');
      case 'publish':
        return publish(rest);
      case 'generate':
        return runConsoleGenerate(rest);
      default:
        throw new UsageError(
          sub === undefined
            ? 'expected a subcommand: list, approve, reject, publish or generate'
            : `unknown subcommand '${sub}' (list, approve, reject, publish, generate)`,
        );
    }
  },
};
