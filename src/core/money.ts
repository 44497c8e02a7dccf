// Money is stored and computed in integer fen; yuan appear only at the edges (input and display).
export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError('amount must be finite');
  return Math.round(yuan * 100);
}

/** Parses what a person typed ("3000", "1,200.5", "800.05") into fen; null when it is not an amount. */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function sumFen(amounts: readonly Fen[]): Fen {
  return amounts.reduce((total, amount) => total + amount, 0);
}

/** 300000 → "3,000.00" */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

/** 300000 → "3,000 元", 80005 → "800.05 元" */
export function formatYuan(fen: Fen): string {
  const text = formatFen(fen);
  return `${text.endsWith('.00') ? text.slice(0, -3) : text} 元`;
}
