// R04 programme and action cells as partners fill them: codes, numbers, the labels of drop-downs
// ("P1 - <title>") and of the agreement's documents ("Azione 1.1", "Prog. 1").
import { agreement, beni, located, rowFindingsOf } from './fixtures';

const [p1, p2] = agreement.programmes;

describe('R04 programme and action cells', () => {
  it.each([
    ['P1', 'A1'],
    ['Prog. 1', 'Az. 1'],
    ['Programma n. 1', 'azione n. 1'],
    [`P1 - ${p1.title}`, `A1 - ${p1.actions[0].title}`],
    [`Programma 1 – ${p1.title}`, `Azione 1: ${p1.actions[0].title}`],
    ['P1', '1.1'],
    ['Programma 1', 'Azione 1.1'],
    // A drop-down's code and title with only a space, or the title in brackets, or its start.
    [`P1 ${p1.title}`, `A1 ${p1.actions[0].title}`],
    [`P1 (${p1.title})`, `P1.A1 (${p1.actions[0].title})`],
    [`1 ${p1.title}`, `1.1 ${p1.actions[0].title}`],
    ['P1 Crema città dei bambini', 'P1.A1 Progetto educativo'],
  ])('%s / %s name P1.A1', (programme, action) => {
    expect(located(rowFindingsOf([beni({ programme, action })]), 'R04')).toEqual([]);
  });

  it('does not guess: a code with the title of another programme or action names neither', () => {
    const wrongTitle = rowFindingsOf([beni({ programme: `P1 - ${p2.title}` })]);
    expect(wrongTitle.filter((f) => f.code === 'R04').map((f) => f.params?.variant)).toEqual(['programmeUnknown']);
    const wrongAction = rowFindingsOf([beni({ action: `A1 - ${p1.actions[1].title}` })]);
    expect(wrongAction.filter((f) => f.code === 'R04').map((f) => f.params?.variant)).toEqual(['actionUnknown']);
  });

  it('does not guess from a code and words without a dash: they must be its own title or its start', () => {
    const variantsOf = (cells: { programme?: string; action?: string }) =>
      rowFindingsOf([beni(cells)])
        .filter((f) => f.code === 'R04')
        .map((f) => f.params?.variant);
    for (const programme of [`P2 ${p1.title}`, 'P1 famiglie', `P1 ${p1.actions[0].title}`])
      expect(variantsOf({ programme })).toEqual(['programmeUnknown']);
    for (const action of [`A1 ${p1.actions[1].title}`, 'A1 Prog', `2.1 ${p1.actions[0].title}`])
      expect(variantsOf({ action })).toEqual(['actionUnknown']);
  });

  it('reads "2.1" as action 1 of programme 2, which is not the row\'s programme', () => {
    const findings = rowFindingsOf([beni({ action: '2.1' })]);
    expect(findings.filter((f) => f.code === 'R04').map((f) => f.params?.variant)).toEqual(['actionOtherProgramme']);
  });
});
