// The only way the app talks to the server: one typed call per action of the core contract.
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, ApiResult } from '@/core/schemas/actions';
import { isWeapp } from './platform';
import { sendAsChosen, type CallEvent } from './role-choice';
import { actingRole, clearSession, sessionToken } from './session';
import { ApiError } from './api-error';

export { ApiError, messageOf } from './api-error';

const API_URL = process.env.TARO_APP_API_BASE || '/api';

const NETWORK_ERROR = new ApiError('NETWORK', '网络不稳定，请检查网络后重试（已填写的内容不会丢失）');

async function send(event: CallEvent): Promise<ApiResult<unknown>> {
  if (isWeapp) {
    const response = await Taro.cloud.callFunction({ name: 'api', data: event });
    return response.result as ApiResult<unknown>;
  }
  const token = sessionToken();
  const response = await Taro.request<ApiResult<unknown>>({
    url: API_URL,
    method: 'POST',
    data: event,
    header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    timeout: 15000,
  });
  return response.data;
}

export async function call<A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
  let result: ApiResult<unknown>;
  try {
    result = await sendAsChosen(send, { action, input }, actingRole);
  } catch {
    throw NETWORK_ERROR;
  }
  if (!result || typeof result !== 'object') throw NETWORK_ERROR;
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'SESSION_INVALID') clearSession();
    throw new ApiError(result.error.code, result.error.message);
  }
  return result.data as ActionOutput<A>;
}
