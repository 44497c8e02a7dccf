// A zod issue in words a person can act on: the field by its Chinese name (and the row by its own name, e.g.
// “一流学会”名额上限), then what is wrong. The app's forms and the api say a refused input the same way.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** zod's own (zh-CN locale) messages, as opposed to a message a schema gives. */
const LOCALE_TEXT = /^(无效|数值过)/;

/** What is wrong, shorter than zod's locale text for the common cases. */
function problem(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return '须为整数';
      // Issues do not carry the input: a number missing or typed wrong is asked for as a number, anything else as missing.
      return issue.expected === 'number' ? '须填写数字' : '不能为空';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array') return min <= 1 ? '至少需要一项' : `至少需要 ${min} 项`;
      return issue.inclusive ? `不能小于 ${min}` : `须大于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array') return `最多 ${max} 项`;
      return issue.inclusive ? `不能大于 ${max}` : `须小于 ${max}`;
    }
    case 'invalid_format':
      return issue.format === 'datetime' ? '时间格式应为 YYYY-MM-DD HH:mm' : '格式不正确';
    case 'invalid_value':
      return '不是可选的值';
    default:
      return issue.message;
  }
}

/** The child of a parsed value, when there is one to read a row's name from. */
function childOf(node: unknown, key: PropertyKey): unknown {
  return node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
}

/** A row of a list by the name it carries (name or title), else by its number. */
function rowName(row: unknown, index: number): string {
  const named = childOf(row, 'name') ?? childOf(row, 'title');
  return typeof named === 'string' && named.trim() ? `“${named.trim()}”` : `第 ${index + 1} 项`;
}

/**
 * The issue in Chinese. `labels` names fields by their key (the last named key on the path is used); `root` is the
 * value that was checked, to name the row an issue is in.
 */
export function issueText(issue: Issue, root: unknown, labels: Readonly<Record<string, string>>): string {
  let node = root;
  let row = '';
  let field = '';
  for (const key of issue.path) {
    if (typeof key === 'number') row = rowName(childOf(node, key), key);
    else if (typeof key === 'string' && labels[key]) field = labels[key];
    node = childOf(node, key);
  }
  // A schema's own message (a refinement, or a message given with a bound) says what it is about; the row is
  // added when the message does not name it.
  if (issue.code === 'custom' || !LOCALE_TEXT.test(issue.message)) {
    return row && !issue.message.includes(row) ? `${row}：${issue.message}` : issue.message;
  }
  const where = `${row}${field}`;
  return where ? `${where}：${problem(issue)}` : problem(issue);
}

/** The first issue of a failed parse, in Chinese (see issueText). */
export function firstIssueText(error: z.ZodError, root: unknown, labels: Readonly<Record<string, string>>): string {
  const issue = error.issues[0];
  return issue ? issueText(issue, root, labels) : '输入有误';
}
