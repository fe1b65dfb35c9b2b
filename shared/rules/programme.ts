// R04: programme and action exist in the agreement, the action belongs to the programme, and the
// programme is the one of the submission (reporting is separate per programme).
import type { RowRule } from './env';
import { cellPreview, rowFinding } from './emit';

export const checkProgramme: RowRule = (row, env, out) => {
  const { values, input } = row;
  if (row.programmeText !== null) {
    if (!values.programme) {
      out.push(
        rowFinding(row, 'R04', 'error', 'programme', 'programmeUnknown', { valore: cellPreview(input.programme) }),
      );
    } else if (values.programme !== env.ctx.programme) {
      out.push(
        rowFinding(row, 'R04', 'error', 'programme', 'otherProgramme', {
          programma: values.programme,
          programmaInvio: env.ctx.programme,
        }),
      );
    }
  }
  // A short action ('A1', '1') means nothing without a known programme: one finding on the programme is enough.
  const programmeUnknown = row.programmeText !== null && !values.programme;
  if (row.actionText !== null && !(programmeUnknown && !values.action)) {
    if (!values.action) {
      out.push(rowFinding(row, 'R04', 'error', 'action', 'actionUnknown', { valore: cellPreview(input.action) }));
    } else if (values.programme && env.index.programmeOfAction(values.action) !== values.programme) {
      out.push(
        rowFinding(row, 'R04', 'error', 'action', 'actionOtherProgramme', {
          azione: values.action,
          programma: values.programme,
        }),
      );
    }
  }
};
