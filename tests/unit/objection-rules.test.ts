import { actionContracts } from '@/core/schemas/actions';
import { isPhone, normalizeObjectionContent, normalizePhone, receiptNumber, RECEIPT_PATTERN } from '@/core/publicity/objection-rules';

test('mainland mobiles are accepted in the ways people write them, and stored as 11 digits', () => {
  for (const written of [
    '13912345678',
    '139 1234 5678',
    '139-1234-5678',
    '+8613912345678',
    '+86 139 1234 5678',
    '008613912345678',
    '＋86 13912345678',
  ]) {
    expect(normalizePhone(written)).toBe('13912345678');
  }
  expect(normalizePhone('19912345678')).toBe('19912345678');
});

test('landlines need their area code (010 and 02x have three digits, the rest four), with or without +86', () => {
  expect(normalizePhone('028-12345678')).toBe('028-12345678');
  expect(normalizePhone('(028) 8765 4321')).toBe('028-87654321');
  expect(normalizePhone('（010）62345678')).toBe('010-62345678');
  expect(normalizePhone('02887654321')).toBe('028-87654321');
  expect(normalizePhone('0571-8123456')).toBe('0571-8123456');
  expect(normalizePhone('0571 88123456')).toBe('0571-88123456');
  expect(normalizePhone('+86 28 87654321')).toBe('028-87654321');
  expect(normalizePhone('+86 028 87654321')).toBe('028-87654321');
});

test('anything else is not a phone number', () => {
  for (const written of [
    '',
    '12345',
    '1391234567', // ten digits
    '139123456789', // twelve
    '12912345678', // no mobile starts 12
    '87654321', // a landline without its area code
    '028-1234', // too short
    '028-01234567', // local numbers do not start with 0
    '+1 202 555 0123',
    '139abc45678',
    '13912345678 转 8',
  ]) {
    expect(isPhone(written)).toBe(false);
  }
});

test('the objection contract refuses a bad phone with a message that says what is wanted', () => {
  const input = { publicityId: 'p1', requestId: 'request-0001', applicationId: null, content: '异议内容五个字', contactName: '张' };
  const bad = actionContracts['objection.lodge'].input.safeParse({ ...input, contactPhone: '12345' });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0]?.message).toContain('028-12345678');
  expect(actionContracts['objection.lodge'].input.safeParse({ ...input, contactPhone: '028-12345678' }).success).toBe(true);
});

test('objections are compared by their words, not their spacing or full-width forms', () => {
  expect(normalizeObjectionContent('  材料 重复，\n请核实 ')).toBe(normalizeObjectionContent('材料 重复,请核实'.replace(',', '， ')));
  expect(normalizeObjectionContent('ＡＢＣ  材料')).toBe('ABC 材料');
});

test('receipt numbers read as the day and a sequence of at least three digits', () => {
  expect(receiptNumber('2023-10-09', 7)).toBe('YY-20231009-007');
  expect(receiptNumber('2023-10-09', 1234)).toBe('YY-20231009-1234');
  expect(receiptNumber('2023-10-09', 7)).toMatch(RECEIPT_PATTERN);
});
