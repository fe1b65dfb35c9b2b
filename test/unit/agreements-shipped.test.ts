// The shipped agreement files are read without zod at run time (shared/agreement/agreements.ts):
// this is where they are validated. Each must parse, and parsing must change nothing (every default
// of the schema is written in the file), so what the rules read is exactly what the schema allows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AgreementSchema } from '../../shared/agreement/agreement-schema';
import { AGREEMENTS, shippedAgreement } from '../../shared/agreement/agreements';

const DATA = path.join(__dirname, '../../shared/agreement/data');
// The folder also holds reference tables (the Ministry's hourly costs): agreements are the files with programmes.
const files = readdirSync(DATA).filter(
  (f) => f.endsWith('.json') && 'programmes' in (JSON.parse(readFileSync(path.join(DATA, f), 'utf8')) as object),
);

describe('shipped agreements', () => {
  it('every data file is shipped under its id', () => {
    expect(files.length).toBeGreaterThan(0);
    const ids = files.map((f) => (JSON.parse(readFileSync(path.join(DATA, f), 'utf8')) as { id: string }).id);
    expect(Object.keys(AGREEMENTS).sort()).toEqual(ids.sort());
  });

  it.each(files)('%s is valid and complete (parsing it adds and drops nothing)', (file) => {
    const raw = JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as object;
    const agreement = shippedAgreement(raw);
    expect(AgreementSchema.parse(raw)).toEqual(agreement);
    expect(AGREEMENTS[agreement.id]).toEqual(agreement);
  });

  it('a file missing a default or breaking a rule would fail here', () => {
    const raw = JSON.parse(readFileSync(path.join(DATA, files[0]), 'utf8')) as {
      rules: Record<string, unknown>;
      partners: unknown[];
    };
    const { limits: _limits, ...rules } = raw.rules;
    expect(AgreementSchema.parse({ ...raw, rules })).not.toEqual(shippedAgreement({ ...raw, rules }));
    expect(AgreementSchema.safeParse({ ...raw, partners: [] }).success).toBe(false);
  });
});
