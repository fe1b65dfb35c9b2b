// GET /api/agreements/{agreement}/samples/{programme}/{semester}/population — the frozen population
// of a drawn sample (DOMAIN.md S3): text/plain, one person id per line, joined by "\n" with no
// trailing newline, i.e. exactly the bytes whose SHA-256 is the recorded population hash, so
// `rendiconta sample-verify --population <file>` takes it as it is. The PO of the programme, an
// admin and the ATS lead partner may read it; any other partner gets 403.
import { app } from '@azure/functions';
import { isAtsLead } from '../lib/ats-lead';
import { forbidden, notFound } from '../lib/http-errors';
import { isPoOf } from '../lib/po-scope';
import { defineRoute, handlerOf, httpOptions } from '../lib/route';
import { checkProgrammeSemester } from '../lib/sample-service';
import { readSample } from '../lib/samples-store';
import { requireAgreement } from '../lib/submission-service';

export const samplePopulationRoute = defineRoute({
  name: 'getSamplePopulation',
  methods: ['GET'],
  route: 'agreements/{agreement}/samples/{programme}/{semester}/population',
  access: ['po', 'partner', 'admin'],
  async handler({ principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    if (!isPoOf(principal, agreement.id, params.programme) && !isAtsLead(principal, agreement))
      throw forbidden('La popolazione del campione è riservata al PO del programma e al capofila dell’ATS.');
    checkProgrammeSemester(agreement, params.programme, params.semester);
    const storage = deps.storage;
    await storage.ensure();
    const head = await readSample(storage, agreement.id, params.programme, params.semester);
    if (!head)
      throw notFound('Il campione di questo semestre non è ancora stato estratto.', {
        programme: params.programme,
        semester: params.semester,
      });
    const text = head.snapshot.frozen.persons.join('\n');
    const fileName = `popolazione-${agreement.id}-${params.programme}-${params.semester}.txt`;
    return {
      status: 200,
      body: text,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'X-Population-Hash': head.snapshot.populationHash,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    };
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getSamplePopulation = handlerOf(samplePopulationRoute);

app.http(samplePopulationRoute.name, httpOptions(samplePopulationRoute));
