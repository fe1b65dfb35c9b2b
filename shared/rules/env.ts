// What every rule may read besides the row: the agreement, its normalised lookups, the submission
// context. Built once per validation; rules never rebuild it.
import type { Agreement } from '../agreement/agreement';
import { findPartner } from '../agreement/agreement';
import { agreementIndex, type AgreementIndex } from '../agreement/agreement-index';
import type { IsoDate } from '../core/dates';
import { Money, fixedOfMoney } from '../core/money';
import type { Fixed } from '../core/fixed';
import type { ParsedRow } from '../rows/rows';
import { parseRow, rowIdOf, rowObject } from '../rows/rows';
import type { RowInput } from '../rows/rows';
import { isLocked, windowFor, type WindowInstance } from '../agreement/windows';
import type { Finding } from '../findings/findings';
import { rowFingerprint } from './fingerprint';
import { compileHourlyCosts, MINISTRY_HOURLY_COSTS, type CompiledHourlyCosts } from '../agreement/reference';
import type { ValidationContext } from './validate';

export type Phase = 'live' | 'lock' | 'yearClose';

/** What the rules run against: the validation's context (validate.ts documents each field). */
export type RuleContext = ValidationContext;

/**
 * A row of the server's last accepted version, read when a rule first asks (a row sent again with
 * the same cells needs neither its reading nor its fingerprint), once, for this pass.
 */
export class PreviousRow {
  private reading: ParsedRow | null = null;
  private content: string | null = null;
  constructor(
    readonly input: RowInput,
    private readonly agreement: Agreement,
    private readonly index: AgreementIndex,
  ) {}
  get parsed(): ParsedRow {
    return (this.reading ??= parseRow(this.input, this.agreement, this.index));
  }
  fingerprint(): string {
    return (this.content ??= rowFingerprint(this.parsed));
  }
}

export interface RuleEnv {
  ctx: RuleContext;
  agreement: Agreement;
  index: AgreementIndex;
  /** The ministry's hourly-cost table compiled for this pass (R06, R16). */
  hourlyCosts: CompiledHourlyCosts;
  phase: Phase;
  vatRecoverable: boolean;
  fullTimeMonthlyHours: Money;
  /** The same as a Fixed (core/fixed); null when it has more than four decimals. */
  fullTimeMonthlyHoursFixed: Fixed | null;
  /** Locked window of an expense date at ctx.today, or null (memoised per date). */
  lockedWindow(date: IsoDate | null): WindowInstance | null;
  /** Server state by row id, or null when there is none (DOMAIN §5). */
  previous: ReadonlyMap<string, PreviousRow> | null;
}

export type RowRule = (row: ParsedRow, env: RuleEnv, out: Finding[]) => void;

export function buildEnv(ctx: RuleContext): RuleEnv {
  const agreement = ctx.agreement;
  const index = agreementIndex(agreement);
  const lockCache = new Map<string, WindowInstance | null>();
  let previous: Map<string, PreviousRow> | null = null;
  if (ctx.previousRows) {
    previous = new Map();
    for (const row of Array.isArray(ctx.previousRows) ? ctx.previousRows : []) {
      const input = rowObject(row);
      const id = rowIdOf(input);
      if (!previous.has(id)) previous.set(id, new PreviousRow(input, agreement, index));
    }
  }
  return {
    ctx,
    agreement,
    index,
    hourlyCosts: compileHourlyCosts(MINISTRY_HOURLY_COSTS),
    phase: ctx.phase ?? 'live',
    vatRecoverable: findPartner(agreement, ctx.partner)?.vatRecoverable ?? false,
    fullTimeMonthlyHours: new Money(agreement.rules.personnel.fullTimeMonthlyHours),
    fullTimeMonthlyHoursFixed: fixedOfMoney(new Money(agreement.rules.personnel.fullTimeMonthlyHours)),
    lockedWindow(date) {
      if (!date) return null;
      let hit = lockCache.get(date);
      if (hit === undefined) {
        const w = windowFor(agreement, date);
        hit = w && isLocked(w, ctx.today) ? w : null;
        lockCache.set(date, hit);
      }
      return hit;
    },
    previous,
  };
}
