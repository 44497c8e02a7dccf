// H5 local mode only: pick a demo account; the local server answers with a signed session.
import Taro from '@tarojs/taro';
import type { Role } from '@/core/schemas/common';
import { ApiError } from './api';
import { saveSessionToken } from './session';

export interface DemoAccount {
  userId: string;
  name: string;
  role: Role;
  roleLabel: string;
  orgName: string;
}

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function unwrap<T>(body: Envelope<T>): T {
  if (!body.ok) throw new ApiError(body.error.code, body.error.message);
  return body.data;
}

export async function listDemoAccounts(): Promise<DemoAccount[]> {
  const response = await Taro.request<Envelope<DemoAccount[]>>({ url: '/auth/demo-accounts', method: 'GET' });
  return unwrap(response.data);
}

export async function signInAsDemo(userId: string): Promise<void> {
  const response = await Taro.request<Envelope<{ token: string }>>({
    url: '/auth/demo-login',
    method: 'POST',
    data: { userId },
    header: { 'content-type': 'application/json' },
  });
  saveSessionToken(unwrap(response.data).token);
}

/** A fresh identity, as a person who has just opened the mini-program for the first time: known to WeChat, in no role yet. */
export async function signInAsNewUser(): Promise<void> {
  const response = await Taro.request<Envelope<{ token: string }>>({
    url: '/auth/demo-new-user',
    method: 'POST',
    data: {},
    header: { 'content-type': 'application/json' },
  });
  saveSessionToken(unwrap(response.data).token);
}
