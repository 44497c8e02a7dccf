// Input refused by a schema is explained to people in Chinese: zod's own messages in its zh-CN locale,
// set once for the app and the functions alike (every schema module imports this through common.ts).
// The locale is imported on its own, not through `z.locales`, so bundles carry zh-CN and none of the others.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());
