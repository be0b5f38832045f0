/** An order line as the package form needs it. */
export interface ContentsLine {
  lineNumber: string;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
}

export interface PackageLineInput {
  lineNumber: string;
  quantity: number;
}

/** The units of each line still to ship; lines with none are left out. */
export function openUnits(lines: readonly ContentsLine[]): { lineNumber: string; open: number }[] {
  return lines
    .map((line) => ({
      lineNumber: line.lineNumber,
      open: line.quantityOrdered - line.quantityShipped - line.quantityCancelled,
    }))
    .filter((line) => line.open > 0);
}

export type ContentsResult =
  { ok: true; lines: PackageLineInput[] | null } | { ok: false; errors: Record<string, string> };

/**
 * The package's lines from the typed quantities: null when it holds every open unit (the api's default), else each
 * line with at least one unit. Each quantity a whole number from 0 to the line's open units, and one unit at least.
 */
export function parseContents(
  open: readonly { lineNumber: string; open: number }[],
  typed: Readonly<Record<string, string>>,
): ContentsResult {
  const errors: Record<string, string> = {};
  const lines: PackageLineInput[] = [];
  for (const line of open) {
    const text = (typed[line.lineNumber] ?? String(line.open)).trim();
    const quantity = Number(text);
    if (text === '' || !Number.isInteger(quantity) || quantity < 0 || quantity > line.open) {
      errors[line.lineNumber] = `A whole number from 0 to ${line.open}.`;
      continue;
    }
    if (quantity > 0) lines.push({ lineNumber: line.lineNumber, quantity });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (lines.length === 0) return { ok: false, errors: { '': 'Put at least one unit in the package.' } };
  const everything = open.every((line) =>
    lines.some((l) => l.lineNumber === line.lineNumber && l.quantity === line.open),
  );
  return { ok: true, lines: everything ? null : lines };
}

/** The first package number no label holds (bought or being bought): a voided label frees its package. */
export function nextPackageIndex(labels: readonly { status: string; packageIndex: number }[]): number {
  const held = new Set(
    labels.filter((l) => l.status === 'PURCHASED' || l.status === 'PENDING').map((l) => l.packageIndex),
  );
  let index = 0;
  while (held.has(index)) index += 1;
  return index;
}
