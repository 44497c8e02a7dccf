// `npm run setup-code`: prints a fresh one-time setup code and how to give it to the deployed api function.
// Whoever enters it first in the app (设置 → 初始设置) becomes the first secretariat member of a new organiser;
// after that the code is spent, and everyone else joins by invitation.
import { randomInt } from 'node:crypto';

// Capitals and digits without look-alikes (no 0/O, 1/I/L), in groups of four for reading aloud.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 4;

const code = Array.from({ length: GROUPS }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

console.log(`One-time setup code: ${code}

CloudBase (the api function):
  either put SETUP_CODE=${code} in the .env file beside cloudbaserc.json and deploy: tcb fn deploy api --envId <env-id>
  (cloudbaserc.json passes {{env.SETUP_CODE}} to the function),
  or set it in the console: 云开发 → 云函数 → api → 函数配置 → 环境变量 → SETUP_CODE = ${code}

Local server:
  SETUP_CODE=${code} npm start   (with DEMO_MODE=0: the demo data already has its secretariats)

Then sign in and enter the code on the setup page. Remove SETUP_CODE afterwards; the code works only once anyway.`);
