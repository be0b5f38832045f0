import type { Random } from '../random';

/** Tracking numbers with the carriers' real layouts and check digits, so the hub's validators accept them. */
export type GeneratedCarrier = 'UPS' | 'USPS' | 'FedEx' | 'AMZL_US';

function upsCheckDigit(body: string): number {
  let sum = 0;
  [...body].forEach((ch, i) => {
    const value = /\d/.test(ch) ? Number(ch) : (ch.charCodeAt(0) - 3) % 10;
    sum += i % 2 === 0 ? value : value * 2;
  });
  return (10 - (sum % 10)) % 10;
}

function fedexCheckDigit(body: string): number {
  const weights = [3, 1, 7];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i % 3], 0);
  return (sum % 11) % 10;
}

function uspsCheckDigit(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((d, i) => {
    sum += Number(d) * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10;
}

export function trackingFor(carrier: GeneratedCarrier, random: Random): string {
  switch (carrier) {
    case 'UPS': {
      const body = `${random.alnum(6)}${random.pick(['01', '02', '03', '12', '13'])}${random.digits(7)}`;
      return `1Z${body}${upsCheckDigit(body)}`;
    }
    case 'FedEx': {
      const body = `${random.int(1, 9)}${random.digits(10)}`;
      return `${body}${fedexCheckDigit(body)}`;
    }
    case 'USPS': {
      const body = `94001${random.int(1, 8)}${random.digits(15)}`;
      return `${body}${uspsCheckDigit(body)}`;
    }
    case 'AMZL_US':
      return `TBA${random.int(1, 9)}${random.digits(11)}`;
  }
}
