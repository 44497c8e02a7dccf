// A complete api on the embedded store in a temporary folder (or the CloudBase adapter on an in-memory
// stand-in), with a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../cloudfunctions/api/src/adapters/clocks';
import { CloudbaseStore } from '../../cloudfunctions/api/src/adapters/cloudbase-store';
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { RecordingContentCheck } from '../../cloudfunctions/api/src/adapters/local-content-check';
import { LocalFiles } from '../../cloudfunctions/api/src/adapters/local-files';
import { QrMiniCodes } from '../../cloudfunctions/api/src/adapters/local-mini-codes';
import { RecordingNotifier } from '../../cloudfunctions/api/src/adapters/local-notifier';
import { newId } from '../../cloudfunctions/api/src/ids';
import type { Deps, Store } from '../../cloudfunctions/api/src/ports';
import { route } from '../../cloudfunctions/api/src/router';
import { seedDemoData } from '../../cloudfunctions/api/src/seed/seed';
import { templatesFrom } from '../../cloudfunctions/api/src/templates';
import { fakeCloudbaseDatabase, roundTripCounter, type RoundTrips } from './fake-cloudbase';
import { restoreStore, type StoreSnapshot } from './store-snapshot';
import type { ActionInput, ActionName, ActionOutput, ApiResult } from '@/core/schemas/actions';

export const OPENID = {
  secretary: 'demo-secretary',
  structure: 'demo-contact-structure',
  academic: 'demo-contact-academic',
  design: 'demo-contact-design',
  reviewer: 'demo-reviewer',
  reviewerScu: 'demo-reviewer-scu',
  reviewerStructure: 'demo-reviewer-structure',
  secretaryXuzhou: 'demo-secretary-xuzhou',
  secretarySuzhou: 'demo-secretary-suzhou',
  secretarySast: 'demo-secretary-sast',
  xzCivil: 'demo-contact-xz-civil',
  szMech: 'demo-contact-sz-mech',
  xzAgri: 'demo-contact-xz-agri',
  szEnv: 'demo-contact-sz-env',
  scceas: 'demo-contact-scceas',
  reviewerXuzhou: 'demo-reviewer-xuzhou',
  reviewerXzCivil: 'demo-reviewer-xz-civil',
  reviewerSuzhou: 'demo-reviewer-suzhou',
} as const;

export const PROGRAM_ID = 'program-sichuan-civil-2023';
/** The setup code every test api is deployed with (setup.claim takes it once). */
export const SETUP_CODE = 'setup-code-for-tests-4711';
/** Inside the demo programme's call (2023-06-25 … 2023-12-31, Asia/Shanghai). */
export const DURING_CALL = '2023-07-03T09:00:00+08:00';

export interface Harness {
  dir: string;
  deps: Deps;
  clock: ManualClock;
  files: LocalFiles;
  store: Store;
  notifier: RecordingNotifier;
  /** The stand-in for WeChat content security: what was checked, and each photo's verdict on demand. */
  contentCheck: RecordingContentCheck;
  /** On the CloudBase stand-in: the database round trips so far (null on the embedded store). */
  roundTrips: RoundTrips | null;
  /** role: the users id to act as (the event's `as`); absent: the person's first role. */
  raw(openid: string | null, action: string, input?: unknown, role?: string): Promise<ApiResult<unknown>>;
  /** Calls an action and returns its data, failing the test with the server's message otherwise. */
  as<A extends ActionName>(openid: string, action: A, input: ActionInput<A>): Promise<ActionOutput<A>>;
  /** Calls an action that must fail, and returns its error code. */
  refused(openid: string | null, action: string, input?: unknown): Promise<string>;
  /** The same api, each call sent with `as`: the person acts in this role of theirs (a users id). */
  inRole(userId: string): Harness;
  close(): Promise<void>;
}

/**
 * store: which Store adapter backs the api (the CloudBase adapter runs on an in-memory stand-in), or a Store of the
 * caller's own (the bench's counted ones; the caller closes it); snapshot: start from these documents (a prepared
 * world) instead of the demo data; inMemory: keep the embedded store's collections in memory only (for suites that
 * start hundreds of stores); pageCap: the most documents one CloudBase query answers (the stand-in and the adapter
 * both), small to make paging visible.
 */
export async function startHarness(
  options: {
    dir?: string;
    store?: 'embedded' | 'cloudbase-fake' | Store;
    snapshot?: StoreSnapshot;
    inMemory?: boolean;
    pageCap?: number;
  } = {},
): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'xhjb-'));
  const clock = new ManualClock(DURING_CALL);
  // No flush per transaction in-process: the crash test runs the real server, which flushes each one.
  const own =
    typeof options.store === 'object' ? null : new EmbeddedStore(options.inMemory ? null : path.join(dir, 'db'), { fsync: false });
  const files = new LocalFiles(path.join(dir, 'files'), 'test-secret', clock);
  const notifier = new RecordingNotifier();
  // TEST_STORE=cloudbase-fake runs any suite on the CloudBase adapter instead.
  const adapter = options.store ?? (process.env.TEST_STORE === 'cloudbase-fake' ? 'cloudbase-fake' : 'embedded');
  const pageCap = options.pageCap;
  const roundTrips = adapter === 'cloudbase-fake' ? roundTripCounter() : null;
  const backing =
    typeof adapter === 'object'
      ? adapter
      : adapter === 'cloudbase-fake'
        ? new CloudbaseStore(fakeCloudbaseDatabase({ pageCap, trips: roundTrips! }), { pageSize: pageCap })
        : own!;
  const contentCheck = new RecordingContentCheck();
  const deps: Deps = {
    store: backing,
    files,
    clock,
    newId,
    notifier,
    templates: templatesFrom(undefined, 'local'),
    contentCheck,
    miniCodes: new QrMiniCodes('http://127.0.0.1:8787'),
    setupCode: SETUP_CODE,
  };
  if (options.snapshot) await restoreStore(backing, options.snapshot);
  else await seedDemoData(backing, clock);
  const raw = (openid: string | null, action: string, input?: unknown, role?: string) =>
    route({ action, input, ...(role ? { as: role } : {}) }, openid ? { openid } : null, deps);
  const calls = (role: string | undefined) => {
    const send = (openid: string | null, action: string, input?: unknown) => raw(openid, action, input, role);
    return {
      raw: (openid: string | null, action: string, input?: unknown, other?: string) => raw(openid, action, input, other ?? role),
      async as<A extends ActionName>(openid: string, action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
        const result = await send(openid, action, input);
        if (!result.ok) throw new Error(`${action} refused: ${result.error.code} ${result.error.message}`);
        return result.data as never;
      },
      async refused(openid: string | null, action: string, input?: unknown) {
        const result = await send(openid, action, input);
        if (result.ok) throw new Error(`${action} was expected to be refused but succeeded`);
        return result.error.code;
      },
    };
  };
  const harness: Harness = {
    dir,
    deps,
    clock,
    files,
    store: backing,
    notifier,
    contentCheck,
    roundTrips,
    ...calls(undefined),
    inRole: (userId) => ({ ...harness, ...calls(userId) }),
    async close() {
      await own?.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function completeContent(overrides: Partial<ActionInput<'application.create'>['content']> = {}) {
  return {
    categoryKey: 'award',
    projectName: '建筑结构抗震科普进社区',
    sections: { plan: '一、开展抗震科普讲座3场；二、发布科技成果3项；三、推荐论文2篇。' },
    budget: [
      { item: '专家劳务', amountFen: 150_000, basis: '3场×500元' },
      { item: '资料印刷', amountFen: 100_000, basis: '' },
    ],
    commitments: [
      { indicatorKey: 'published-results', amount: 3 },
      { indicatorKey: 'papers-recommended', amount: 2 },
    ],
    declaration: { signerName: '李工', agreed: true as const },
    ...overrides,
  };
}

let counter = 0;
export function requestId(): string {
  counter += 1;
  return `test${Date.now().toString(36)}${counter.toString().padStart(4, '0')}`;
}

/** A refused answer as [code, message] (null when it succeeded), to compare in one expectation. */
export function refusal(result: ApiResult<unknown>): [string, string] | null {
  return result.ok ? null : [result.error.code, result.error.message];
}
