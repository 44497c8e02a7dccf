// Routes of the app in one place, so pages never spell paths by hand.
import Taro from '@tarojs/taro';

export const routes = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  join: '/pages/join/index',
  setup: '/pages/setup/index',
  myApplications: '/apply/pages/mine/index',
  editApplication: '/apply/pages/edit/index',
  addClaim: '/apply/pages/claim/index',
  report: '/apply/pages/report/index',
  messages: '/inbox/pages/messages/index',
  privacy: '/me/pages/privacy/index',
  myData: '/me/pages/data/index',
  publicNotice: '/public/pages/notice/index',
  queue: '/admin/pages/queue/index',
  applicationDetail: '/admin/pages/detail/index',
  dashboard: '/admin/pages/dashboard/index',
  indicator: '/admin/pages/indicator/index',
  ranking: '/admin/pages/ranking/index',
  publicity: '/admin/pages/publicity/index',
  programs: '/admin/pages/programs/index',
  programEdit: '/admin/pages/program-edit/index',
  organizations: '/admin/pages/organizations/index',
  people: '/admin/pages/people/index',
  organization: '/admin/pages/organization/index',
  reviewQueue: '/review/pages/queue/index',
  reviewScore: '/review/pages/score/index',
} as const;

export type RouteName = keyof typeof routes;

function urlOf(route: RouteName, params: Record<string, string>): string {
  // URLSearchParams does not exist in the mini-program runtime.
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${routes[route]}?${query}` : routes[route];
}

export function go(route: RouteName, params: Record<string, string> = {}): Promise<unknown> {
  return Taro.navigateTo({ url: urlOf(route, params) });
}

/** Opens a route in place of the current page, so stepping through a queue never deepens the page stack. */
export function replace(route: RouteName, params: Record<string, string> = {}): Promise<unknown> {
  return Taro.redirectTo({ url: urlOf(route, params) });
}

export function restart(route: RouteName): Promise<unknown> {
  return Taro.reLaunch({ url: routes[route] });
}

export function back(): Promise<unknown> {
  return Taro.navigateBack();
}

/** Opens a page the server named (a message's link), e.g. "/apply/pages/edit/index?id=a1". */
export function openPath(path: string): Promise<unknown> {
  return Taro.navigateTo({ url: path.startsWith('/') ? path : `/${path}` });
}

/** The path of a route with its query, as a share card or a subscribe message names it. */
export function pathOf(route: RouteName, params: Record<string, string> = {}): string {
  return urlOf(route, params);
}
