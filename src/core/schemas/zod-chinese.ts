// Input refused by a schema is explained to people in Chinese: zod's own messages in its zh-CN locale,
// set once for the app and the functions alike (every schema module imports this through common.ts).
// Bundles carry zh-CN alone: webpack drops the other locales itself, and the functions' esbuild build replaces
// zod's locale index with one holding zh-CN only (scripts/build-functions.mjs).
import { z } from 'zod';

z.config(z.locales.zhCN());
