// The api over HTTP, as the H5 app calls it: a demo sign-in for a session token, then POST {action, input}
// to /api with that token. For steps a test needs done but does not test through the screens.
import type { ActionInput, ActionName, ActionOutput, ApiResult } from '@/core/schemas/actions';

export type ApiCall = <A extends ActionName>(action: A, input: ActionInput<A>) => Promise<ActionOutput<A>>;

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as ApiResult<T>;
  if (!result.ok) throw new Error(`${url} ${JSON.stringify(body)} → ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Signs in as a demo account (e.g. user-secretary) and answers a typed caller of the api as that person. */
export async function apiAs(baseUrl: string, userId: string): Promise<ApiCall> {
  const { token } = await post<{ token: string }>(`${baseUrl}auth/demo-login`, { userId });
  return (action, input) => post(`${baseUrl}api`, { action, input }, token);
}

/** A new WeChat user (a fresh identity the app does not know yet), as the demo's sign-in stands for one: to accept an invitation. */
export async function apiForNewUser(baseUrl: string): Promise<ApiCall> {
  const { token } = await post<{ token: string }>(`${baseUrl}auth/demo-new-user`, {});
  return (action, input) => post(`${baseUrl}api`, { action, input }, token);
}
