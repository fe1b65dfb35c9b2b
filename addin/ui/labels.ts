// Italian words the pane repeats: severities, categories, plural forms.
import type { Severity } from '../../shared/findings/findings';
import type { Category } from '../../shared/agreement/agreement';

export const SEVERITY_LABEL: Record<Severity, [string, string]> = {
  error: ['errore', 'errori'],
  warning: ['avviso', 'avvisi'],
  info: ['informazione', 'informazioni'],
};

export const CATEGORY_LABEL: Record<Category, string> = {
  PERS: 'Personale',
  BENI: 'Beni di consumo',
  SERV: 'Servizi',
  GEN: 'Spese generali',
  COFIN: 'Cofinanziamento',
};

export function count(n: number, [one, many]: [string, string]): string {
  return `${n.toLocaleString('it-IT')} ${n === 1 ? one : many}`;
}
