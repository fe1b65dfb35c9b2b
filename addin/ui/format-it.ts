// The one formatter of the pane for what people read: money "1.200,50 €", shares "9,57 %", days
// "01/12/2026". Built on the domain's Italian forms (shared/core/money.ts, shared/core/dates.ts);
// wire strings in, display strings out, never a float in between.
import { Money, formatAmountIt } from '../../shared/core/money';
import { formatDateIt } from '../../shared/core/dates';

const WIRE_NUMBER = /^-?\d+(\.\d+)?$/;

/** "1200.5" → "1.200,50 €"; text that is not a number is returned as it is. */
export function euro(wire: string | Money | undefined | null): string {
  if (wire === undefined || wire === null || wire === '') return '—';
  if (typeof wire === 'string' && !WIRE_NUMBER.test(wire)) return wire;
  return `${formatAmountIt(new Money(wire))} €`;
}

/** A percentage with two decimals: "9.57" → "9,57 %". */
export function percent(wire: string | Money | undefined | null): string {
  if (wire === undefined || wire === null || wire === '') return '—';
  if (typeof wire === 'string' && !WIRE_NUMBER.test(wire)) return wire;
  return `${formatAmountIt(new Money(wire))} %`;
}

/** A rate as a fraction ("0.10") shown as a percentage: "10,00 %". */
export function rateAsPercent(fraction: string | undefined | null): string {
  if (!fraction || !WIRE_NUMBER.test(fraction)) return fraction || '—';
  return percent(new Money(fraction).times(100));
}

/** An ISO day or instant → "01/12/2026" (Europe/Rome days are what the API sends). */
export function day(iso: string | undefined | null): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? formatDateIt(m[1]) : iso;
}
