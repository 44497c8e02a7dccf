// Input refused by a schema is explained to people in Chinese: zod's own messages in its zh-CN locale,
// set once for the app and the functions alike (every schema module imports this through common.ts).
import { z } from 'zod';

z.config(z.locales.zhCN());
