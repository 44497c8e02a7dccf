/**
 * Smoke test of the built weapp bundle (STACK-NOTES pitfall 9).
 *
 * Loads dist/app.js and every page listed in dist/app.json inside a Node `vm` context that plays the
 * mini-program host: fake `wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`. It drives the app
 * and page lifecycles and fails on anything thrown, synchronously or later from a timer or a promise.
 * This catches a weapp build that compiles but crashes on load, which no H5 test sees.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import vm from 'node:vm';

const DIST = resolve(__dirname, '..', '..', 'dist');

type AnyFunction = (...args: unknown[]) => unknown;
type Options = Record<string | symbol, unknown>;

interface Registration {
  kind: 'App' | 'Page' | 'Component';
  options: Options;
  file: string;
}

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

interface PageInstance extends Options {
  route: string;
  __route__: string;
  data: Record<string, unknown>;
  setData: (patch: Record<string, unknown>, callback?: () => void) => void;
}

interface Host {
  context: vm.Context;
  registrations: Registration[];
  setDataCalls: Map<string, Record<string, unknown>[]>;
  unknownWxCalls: Map<string, number>;
  asyncErrors: unknown[];
  consoleErrors: unknown[][];
  pages: PageInstance[];
  load: (file: string) => void;
  setApp: (app: Options) => void;
  dispose: () => void;
}

/** Every page path of the app, main package first, as WeChat routes them. */
function listRoutes(appJson: AppJson): string[] {
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? [];
  return [...appJson.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`))];
}

/** The answers WeChat's base library gives to the calls Taro makes while starting up. */
function createWx(unknownCalls: Map<string, number>): Options {
  const windowInfo = {
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 724,
    statusBarHeight: 44,
    safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375, height: 734 },
    screenTop: 0,
  };
  const deviceInfo = {
    brand: 'devtools',
    model: 'iPhone X',
    system: 'iOS 16.0',
    platform: 'devtools',
    benchmarkLevel: 1,
  };
  const appBaseInfo = {
    SDKVersion: '3.3.4',
    version: '8.0.50',
    language: 'zh_CN',
    theme: 'light',
    enableDebug: false,
    host: { env: 'WeChat' },
  };
  const storage = new Map<string, unknown>();
  const noop = (): void => undefined;
  // Async-style APIs: call success/complete on the next tick, like the real thing.
  const succeed =
    (result: Record<string, unknown> = {}) =>
    (options?: { success?: AnyFunction; complete?: AnyFunction }) => {
      setTimeout(() => {
        options?.success?.({ errMsg: 'ok', ...result });
        options?.complete?.({ errMsg: 'ok', ...result });
      }, 0);
    };

  const known: Options = {
    getSystemInfoSync: () => ({ ...windowInfo, ...deviceInfo, ...appBaseInfo }),
    getSystemInfo: succeed({ ...windowInfo, ...deviceInfo, ...appBaseInfo }),
    getWindowInfo: () => ({ ...windowInfo }),
    getDeviceInfo: () => ({ ...deviceInfo }),
    getAppBaseInfo: () => ({ ...appBaseInfo }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true }),
    getAppAuthorizeSetting: () => ({}),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 367, bottom: 80, left: 280 }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    canIUse: () => true,
    nextTick: (callback: () => void) => setTimeout(callback, 0),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: succeed({ data: '' }),
    setStorage: succeed(),
    request: succeed({ statusCode: 503, data: { ok: false, error: { code: 'OFFLINE', message: '离线' } }, header: {} }),
    login: succeed({ code: 'fake-login-code' }),
    checkSession: succeed(),
    showToast: succeed(),
    hideToast: succeed(),
    showLoading: succeed(),
    hideLoading: succeed(),
    showModal: succeed({ confirm: false, cancel: true }),
    navigateTo: succeed(),
    redirectTo: succeed(),
    switchTab: succeed(),
    reLaunch: succeed(),
    navigateBack: succeed(),
    setNavigationBarTitle: succeed(),
    stopPullDownRefresh: succeed(),
    createSelectorQuery: () => {
      const query: Options = {
        in: () => query,
        select: () => query,
        selectAll: () => query,
        selectViewport: () => query,
        boundingClientRect: () => query,
        scrollOffset: () => query,
        fields: () => query,
        node: () => query,
        exec: (callback?: AnyFunction) => setTimeout(() => callback?.([]), 0),
      };
      return query;
    },
    createIntersectionObserver: () => ({ relativeToViewport: () => ({ observe: noop }), observe: noop, disconnect: noop }),
    onAppShow: noop,
    onAppHide: noop,
    offAppShow: noop,
    offAppHide: noop,
    onError: noop,
    onUnhandledRejection: noop,
    onPageNotFound: noop,
    onThemeChange: noop,
    onWindowResize: noop,
    offWindowResize: noop,
    onNetworkStatusChange: noop,
    onMemoryWarning: noop,
    reportAnalytics: noop,
    cloud: {
      init: noop,
      callFunction: async () => ({ result: { ok: false, error: { code: 'OFFLINE', message: '离线' } } }),
      uploadFile: async () => ({ fileID: 'cloud://offline/file' }),
      getTempFileURL: async () => ({ fileList: [] }),
    },
  };

  // Unknown APIs are recorded, not thrown, so the test shows what Taro touched without breaking on it.
  return new Proxy(known, {
    get(target, key) {
      if (key in target) return target[key];
      // Only API-shaped names become recorders; data slots the bundle keeps on `wx` (webpackJsonp), symbols and
      // `then` stay undefined so that `wx.x || default` and thenable checks behave as on a phone.
      if (typeof key === 'symbol' || key === 'then' || !/^[a-z][A-Za-z0-9]*$/.test(key) || /webpack/i.test(key)) {
        return undefined;
      }
      return (..._args: unknown[]) => {
        unknownCalls.set(key, (unknownCalls.get(key) ?? 0) + 1);
        return undefined;
      };
    },
  });
}

/** Creates the fake mini-program host: one global context shared by app.js and all pages, as on a phone. */
function createHost(): Host {
  const registrations: Registration[] = [];
  const setDataCalls = new Map<string, Record<string, unknown>[]>();
  const unknownWxCalls = new Map<string, number>();
  const asyncErrors: unknown[] = [];
  const consoleErrors: unknown[][] = [];
  const pages: PageInstance[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const moduleCache = new Map<string, { exports: unknown }>();
  let app: Options | undefined;
  let currentFile = '';

  // Timer callbacks run later: catch their errors so the test can fail on them, not crash jest.
  const guard = (callback: unknown, args: unknown[]) => (): void => {
    try {
      if (typeof callback === 'function') (callback as AnyFunction)(...args);
    } catch (error) {
      asyncErrors.push(error);
    }
  };
  const track = (timer: NodeJS.Timeout): NodeJS.Timeout => {
    timers.add(timer);
    return timer;
  };

  const register = (kind: Registration['kind']) => (options: Options) => {
    registrations.push({ kind, options, file: currentFile });
    return options;
  };

  const sandbox: Options = {
    console: {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => void consoleErrors.push(args),
    },
    setTimeout: (callback: unknown, ms?: number, ...args: unknown[]) => {
      const timer = track(
        setTimeout(() => {
          timers.delete(timer);
          guard(callback, args)();
        }, ms),
      );
      return timer;
    },
    clearTimeout: (timer: NodeJS.Timeout) => {
      timers.delete(timer);
      clearTimeout(timer);
    },
    setInterval: (callback: unknown, ms?: number, ...args: unknown[]) => track(setInterval(guard(callback, args), ms)),
    clearInterval: (timer: NodeJS.Timeout) => {
      timers.delete(timer);
      clearInterval(timer);
    },
    wx: createWx(unknownWxCalls),
    App: (options: Options) => {
      app = options;
      return register('App')(options);
    },
    Page: register('Page'),
    Component: register('Component'),
    Behavior: (options: Options) => options,
    getApp: () => app,
    getCurrentPages: () => [...pages],
    requirePlugin: () => ({}),
    requireMiniProgram: () => ({}),
    __wxConfig: { envVersion: 'develop', platform: 'devtools', accountInfo: { appId: 'touristappid' } },
  };
  const context = vm.createContext(sandbox);
  // Host objects made inside the sandbox resolve `global` the way the WeChat base library does.
  vm.runInContext('var global = globalThis;', context);

  // A small CommonJS loader for the relative requires in the bundle (app.js requires runtime, taro, vendors).
  const loadModule = (file: string): unknown => {
    const cached = moduleCache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    moduleCache.set(file, module);
    const source = readFileSync(file, 'utf8');
    const wrapper = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, context, {
      filename: file,
    }) as AnyFunction;
    const localRequire = (request: string): unknown => {
      if (!request.startsWith('.')) {
        throw new Error(`${relative(DIST, file)} requires "${request}", which a mini-program cannot resolve`);
      }
      const base = resolve(dirname(file), request);
      const target = [base, `${base}.js`, join(base, 'index.js')].find((candidate) => candidate.endsWith('.js') && existsSync(candidate));
      if (!target) throw new Error(`${relative(DIST, file)} requires missing "${request}"`);
      return loadModule(target);
    };
    const previousFile = currentFile;
    currentFile = relative(DIST, file);
    try {
      wrapper(module.exports, localRequire, module, file, dirname(file));
    } finally {
      currentFile = previousFile;
    }
    return module.exports;
  };

  const onUnhandledRejection = (reason: unknown): void => {
    asyncErrors.push(reason);
  };
  process.on('unhandledRejection', onUnhandledRejection);

  return {
    context,
    registrations,
    setDataCalls,
    unknownWxCalls,
    asyncErrors,
    consoleErrors,
    pages,
    load: (file) => void loadModule(file),
    setApp: (value) => {
      app = value;
    },
    dispose: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      process.off('unhandledRejection', onUnhandledRejection);
    },
  };
}

/** A short, readable account of an error thrown from minified bundle code (no giant code frames). */
function describeError(error: unknown): string {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'message' in error)) {
    return String(error);
  }
  const { message, stack } = error as Error;
  const frames = (stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 6)
    .map((line) => line.slice(0, 200));
  return [message.slice(0, 500), ...frames].join('\n');
}

/** Lets promises, nextTick and React's scheduler (setTimeout without MessageChannel) run. */
async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise<void>((done) => setTimeout(done, 5));
  }
}

/** Builds a page instance the way WeChat does: the registered options plus route, data and setData. */
function instantiatePage(host: Host, registration: Registration, route: string): PageInstance {
  const options = registration.options;
  // Component-style pages keep their lifecycle handlers under `methods`.
  const methods = (registration.kind === 'Component' ? (options.methods as Options | undefined) : undefined) ?? {};
  const instance = Object.create(options) as PageInstance;
  Object.assign(instance, methods);
  const calls: Record<string, unknown>[] = [];
  host.setDataCalls.set(route, calls);
  instance.route = route;
  instance.__route__ = route;
  instance.data = { ...((options.data as Record<string, unknown> | undefined) ?? {}) };
  instance.setData = function setData(patch, callback) {
    calls.push(patch);
    Object.assign(this.data, patch);
    if (callback) setTimeout(callback, 0);
  };
  instance.selectComponent = () => null;
  instance.selectAllComponents = () => [];
  instance.createSelectorQuery = (host.context.wx as Options).createSelectorQuery;
  instance.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, off: () => undefined });
  return instance;
}

/** Calls a lifecycle handler when the registration defines one (App/Page: top level; Component: lifetimes too). */
function callHook(target: Options, name: string, ...args: unknown[]): void {
  const hook = target[name];
  if (typeof hook === 'function') (hook as AnyFunction).apply(target, args);
}

describe('weapp bundle smoke test', () => {
  const appJsonPath = join(DIST, 'app.json');
  let host: Host;
  let routes: string[] = [];

  beforeAll(() => {
    if (!existsSync(join(DIST, 'app.js')) || !existsSync(appJsonPath)) {
      throw new Error(`dist/app.js or dist/app.json is missing: run npm run build:weapp first`);
    }
    routes = listRoutes(JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson);
    host = createHost();
  });

  afterAll(() => {
    host?.dispose();
  });

  it('lists the main package and every subpackage page in app.json', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        'pages/index/index',
        'pages/login/index',
        'apply/pages/mine/index',
        'apply/pages/report/index',
        'admin/pages/queue/index',
        'review/pages/queue/index',
        'inbox/pages/messages/index',
        'public/pages/notice/index',
      ]),
    );
  });

  it('ships no demo sign-in: no file of the package calls the local demo routes', () => {
    const offending: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(js|json|wxml)$/.test(entry.name) && /\/auth\/demo-|\/demo\/clock|演示账号/.test(readFileSync(file, 'utf8'))) {
          offending.push(relative(DIST, file));
        }
      }
    };
    walk(DIST);
    expect(offending).toEqual([]);
  });

  it('loads app.js, registers the app and runs onLaunch/onShow', async () => {
    try {
      host.load(join(DIST, 'app.js'));
    } catch (error) {
      throw new Error(`loading dist/app.js failed: ${describeError(error)}`);
    }
    const appRegistration = host.registrations.find((registration) => registration.kind === 'App');
    expect(appRegistration).toBeDefined();
    const app = appRegistration!.options;
    const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
    try {
      callHook(app, 'onLaunch', launch);
      callHook(app, 'onShow', launch);
    } catch (error) {
      throw new Error(`app onLaunch/onShow failed: ${describeError(error)}`);
    }
    await settle();
    expect(host.asyncErrors.map(describeError)).toEqual([]);
    expect(host.consoleErrors.splice(0).map((args) => args.map((arg) => describeError(arg)).join(' '))).toEqual([]);
  });

  it('loads every page, registers it and runs onLoad/onShow/onReady without errors', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const file = join(DIST, `${route}.js`);
      if (!existsSync(file)) {
        failures.push(`${route}: ${relative(DIST, file)} is missing`);
        continue;
      }
      const before = host.registrations.length;
      try {
        host.load(file);
        const registration = host.registrations
          .slice(before)
          .find((candidate) => candidate.kind === 'Page' || candidate.kind === 'Component');
        if (!registration) {
          failures.push(`${route}: did not call Page() or Component()`);
          continue;
        }
        const page = instantiatePage(host, registration, route);
        host.pages.push(page);
        const lifetimes = (registration.options.lifetimes as Options | undefined) ?? {};
        callHook(lifetimes, 'created');
        callHook(lifetimes, 'attached');
        callHook(page, 'onLoad', {});
        callHook(page, 'onShow');
        await settle();
        callHook(page, 'onReady');
        await settle();
      } catch (error) {
        failures.push(`${route}: ${describeError(error)}`);
      }
      if (host.consoleErrors.length > 0) {
        // React reports a render crash through console.error and unmounts the tree instead of throwing.
        const logged = host.consoleErrors.splice(0).map((args) => args.map((arg) => describeError(arg)).join(' '));
        failures.push(`${route}: console.error ${logged.join('; ')}`);
      }
      if (host.asyncErrors.length > 0) {
        failures.push(`${route}: async error ${host.asyncErrors.splice(0).map(describeError).join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('rendered the index page through setData', () => {
    const calls = host.setDataCalls.get('pages/index/index') ?? [];
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.some((patch) => Object.keys(patch).length > 0)).toBe(true);
    // The fake cloud answers every call as offline: the home page must show the error state in Chinese,
    // with the server's message and a NutUI retry button (on-demand imports resolved in the weapp build).
    const rendered = JSON.stringify(calls);
    expect(rendered).toContain('加载失败');
    expect(rendered).toContain('离线');
    expect(rendered).toContain('重试');
    expect(rendered).toContain('nut-button');
  });

  it('every page sent a non-empty tree to the view layer', () => {
    // Taro sends the page's node tree as `root.cn`; a page whose render crashed sends only `root.uid`.
    const hasTree = (patch: Record<string, unknown>): boolean => {
      const children = patch['root.cn'];
      return Array.isArray(children) && children.length > 0;
    };
    const empty = routes.filter((route) => !(host.setDataCalls.get(route) ?? []).some(hasTree));
    expect(empty).toEqual([]);
  });

  afterAll(() => {
    // Which host APIs the bundle touched that the fake does not know: what to add to it as the app grows.
    if (host.unknownWxCalls.size > 0) {
      process.stdout.write(`unknown wx calls: ${JSON.stringify(Object.fromEntries(host.unknownWxCalls))}\n`);
    }
  });
});
