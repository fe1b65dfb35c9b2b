// Wires the pane: context form → session (validation) → views; submit and documents through the
// API client. The same wiring serves Excel (OfficeWorkbook) and a dropped file (FileWorkbook).
import type { Agreement } from '../../shared/agreement/agreement';
import { AgreementSchema } from '../../shared/agreement/agreement-schema';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';
import { romeDate } from '../../shared/core/dates';
import type { Finding } from '../../shared/findings/findings';
import type { ValidationContext } from '../../shared/rules/validate';
import type { RowInput } from '../../shared/rows/rows';
import { ApiClient, ApiError, type SubmissionAnswer } from '../api/client';
import { TokenProvider } from '../auth/token-provider';
import { readClaims } from '../auth/token-claims';
import { SignInError } from '../auth/sign-in';
import { lockedPartner } from './partner-identity';
import { accessMessage, checkAccess, type AccessCheck } from './access-check';
import { apiBaseUrl } from '../api/api-base';
import { renderAtsStatus } from '../ui/ats-panel';
import { PartnerRequests } from './requests-loader';
import { FileWorkbook } from '../file/file-workbook';
import type { WorkbookPort } from '../port/workbook-port';
import { ReportSession, type SessionState } from './report-session';
import { Submissions } from './submission';
import { TemplateError, writeTemplate } from './template-writer';
import { byId, h, replaceChildren } from '../ui/dom';
import { renderFindings } from '../ui/findings-list';
import { renderSummary } from '../ui/summary-view';
import { renderProgress } from '../ui/progress-view';
import { renderMapping } from '../ui/mapping-view';
import { GridPreview } from '../ui/grid-preview';
import { renderAnswer, renderError, renderOutbox, renderSubmitIntro } from '../ui/submit-panel';
import { documentId, renderDocumentsForm } from '../ui/documents-panel';
import { downloadFindings } from '../ui/findings-download';
import { parseRange } from '../port/a1';
import { fileErrorMessage } from '../file/file-error';
import { downloadBytes, withIdsFileName } from '../ui/download';
import { buildTemplate } from '../../shared/mapping/template';
import { TEMPLATE_FILE_NAME, templateToXlsx } from '../../formats/xlsx/template-workbook';
import { writeBackWorkbook } from '../../formats/xlsx/workbook-writeback';

export interface PaneOptions {
  mode: 'office' | 'file';
  /** The Excel adapter, in Office. */
  port?: WorkbookPort;
  /** Reference day for window locks; the real day in Europe/Rome when absent. */
  today?: string;
  /** The agreement reported on (see agreement-choice.ts); the default agreement when absent. */
  agreement?: Agreement;
}

interface Selected {
  sheet: string;
  row: number;
}

const reportKey = (c: { partner: string; programme: string; year: number }) => `${c.partner}|${c.programme}|${c.year}`;

export class PaneApp {
  private agreement: Agreement;
  private session: ReportSession | null = null;
  private port: WorkbookPort | null = null;
  private selected: Selected | null = null;
  private grid: GridPreview | null = null;
  /** The entity fixed by the partner's token (the selector then offers only it). */
  private partnerLock: string | null = null;
  private readonly tokens: TokenProvider;
  private readonly api: ApiClient;
  private readonly submissions: Submissions;
  private requests: PartnerRequests | null = null;
  /** The report's last version on the server for the chosen partner, programme and year. */
  private previous: { report: string; rows: RowInput[] } | null = null;
  /** What the service said of the development token when the pane opened (or it was pasted). */
  private access: AccessCheck = { state: 'none' };

  constructor(private readonly options: PaneOptions) {
    this.agreement = options.agreement ?? (getAgreement(DEFAULT_AGREEMENT_ID) as Agreement);
    this.tokens = new TokenProvider(options.mode === 'office');
    this.api = new ApiClient(this.tokens.getToken);
    this.submissions = new Submissions(this.api, window.localStorage);
  }

  async start(): Promise<void> {
    document.body.dataset.mode = this.options.mode;
    byId('mode-badge').textContent = this.options.mode === 'office' ? 'In Excel' : 'File nel browser';
    if (!this.tokens.usesEntra) {
      await this.checkDevToken();
      this.partnerLock = this.tokenRefused() ? null : lockedPartner(readClaims(this.tokens.currentDevToken));
    }
    this.renderContextForm();
    this.wireSubmit();
    this.wireTemplate();
    byId('refresh-button').addEventListener('click', () => void this.session?.refresh());
    byId('csv-button').addEventListener('click', () => {
      if (this.session && this.port instanceof FileWorkbook)
        downloadFindings(this.session.state.findings, this.port.fileName);
    });
    renderDocumentsForm(
      byId('documents'),
      () => this.selectedLabel(),
      (request) => this.attach(request.file, request.kind),
    );
    this.mountRequests();
    this.mountAtsStatus();
    if (this.options.mode === 'office' && this.options.port) await this.open(this.options.port);
    else this.wireFileDrop();
    void this.loadAgreement();
  }

  /** The development token checked with the service; its agreement is used when it answers. */
  private async checkDevToken(): Promise<void> {
    this.access = await checkAccess(
      this.tokens.currentDevToken,
      this.agreement.id,
      Date.now(),
      undefined,
      apiBaseUrl(),
    );
    if (this.access.state !== 'valid') return;
    const parsed = AgreementSchema.safeParse(this.access.agreement);
    if (parsed.success) this.agreement = parsed.data;
  }

  private tokenRefused(): boolean {
    return this.access.state === 'expired' || this.access.state === 'invalid';
  }

  private context(): ValidationContext {
    const form = byId<HTMLFormElement>('context-form');
    const data = new FormData(form);
    const context: ValidationContext = {
      agreement: this.agreement,
      programme: String(data.get('programme') ?? 'P1'),
      // A disabled selector is not part of the form data: the token's entity is used directly.
      partner: this.partnerLock ?? String(data.get('partner') ?? ''),
      year: Number(data.get('year') ?? this.agreement.years[0]),
      today: this.today(),
    };
    // With the server's last version, locked rows already sent are not "retroactive" (R24, DOMAIN §5).
    if (this.previous && this.previous.report === reportKey(context)) context.previousRows = this.previous.rows;
    return context;
  }

  /**
   * Reads the report's last version (when signed in) and, when `revalidate`, checks the workbook
   * against it. True when it was read.
   */
  private async loadPrevious(revalidate = true): Promise<boolean> {
    const token = await this.tokens.getToken().catch(() => null);
    if (!token) return false;
    const ctx = this.context();
    const report = reportKey(ctx);
    try {
      const latest = await this.api.latestSubmission(this.agreement.id, ctx);
      if (reportKey(this.context()) !== report) return false; // the choice changed meanwhile
      this.previous = { report, rows: latest?.rows ?? [] };
    } catch {
      return false; // offline or not allowed: the pane validates as without server state
    }
    if (revalidate) await this.session?.setContext(this.context());
    return true;
  }

  private today(): string {
    return this.options.today ?? romeDate(new Date());
  }

  private renderContextForm(current?: { programme: string; year: number; partner: string }): void {
    const form = byId<HTMLFormElement>('context-form');
    const claims = readClaims(this.tokens.currentDevToken);
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    const year = current?.year ?? (this.agreement.years.includes(thisYear) ? thisYear : this.agreement.years[0]);
    const options = (values: [string, string][], selected: string) =>
      values.map(([value, label]) => h('option', { value, selected: value === selected }, label));
    replaceChildren(
      form,
      h(
        'p',
        { className: 'field' },
        h('label', { for: 'programme' }, 'Programma'),
        h(
          'select',
          { id: 'programme', name: 'programme' },
          ...options(
            this.agreement.programmes.map((p) => [p.id, `${p.id} – ${p.title}`]),
            current?.programme ?? 'P1',
          ),
        ),
      ),
      h(
        'p',
        { className: 'field' },
        h('label', { for: 'year' }, 'Anno'),
        h(
          'select',
          { id: 'year', name: 'year' },
          ...options(
            this.agreement.years.map((y) => [String(y), String(y)]),
            String(year),
          ),
        ),
      ),
      this.partnerField(current?.partner ?? claims?.partner ?? this.agreement.partners[0].id),
      this.tokens.usesEntra
        ? null
        : h(
            'details',
            { className: 'token', open: this.tokenRefused() },
            h('summary', {}, this.tokenSummary()),
            h(
              'p',
              { className: 'field' },
              h('label', { for: 'dev-token' }, 'Token (npm run token)'),
              h('input', {
                id: 'dev-token',
                type: 'password',
                autocomplete: 'off',
                value: this.tokens.currentDevToken ?? '',
              }),
            ),
            h(
              'button',
              { type: 'button', className: 'secondary', onclick: () => void this.saveToken() },
              'Salva token',
            ),
          ),
    );
    form.onchange = (event) => {
      if ((event.target as HTMLElement).id === 'dev-token') return;
      void this.session?.setContext(this.context());
      this.renderState(this.session?.state ?? null);
      void this.requests?.reload(this.context().programme, this.context().year);
      void this.loadPrevious();
    };
  }

  /**
   * "Ente": free without a token (offline validation of any entity's file); with a partner's
   * token only that entity, shown in a disabled selector, since the API refuses any other.
   */
  private partnerField(selected: string): HTMLElement {
    if (this.tokenRefused()) {
      // A token nobody signed (or an expired one) names no entity: none is offered.
      return h(
        'p',
        { className: 'field' },
        h('label', { for: 'partner' }, 'Ente'),
        h(
          'select',
          { id: 'partner', name: 'partner', disabled: true, 'aria-describedby': 'access-status' },
          h('option', { value: '' }, 'Nessun ente: accesso non valido'),
        ),
        h('span', { id: 'access-status', className: 'hint error-text', role: 'alert' }, accessMessage(this.access)),
      );
    }
    const lock = this.partnerLock;
    const name = (id: string) => this.agreement.partners.find((p) => p.id === id)?.name ?? id;
    const choices: [string, string][] = lock
      ? [[lock, name(lock)]]
      : this.agreement.partners.map((p) => [p.id, p.name]);
    const chosen = lock ?? selected;
    return h(
      'p',
      { className: 'field' },
      h('label', { for: 'partner' }, 'Ente'),
      h(
        'select',
        { id: 'partner', name: 'partner', disabled: lock !== null, 'aria-describedby': lock ? 'partner-lock' : null },
        ...choices.map(([value, label]) => h('option', { value, selected: value === chosen }, label)),
      ),
      lock ? h('span', { id: 'partner-lock', className: 'hint' }, 'L’ente è quello del tuo accesso.') : null,
    );
  }

  private tokenSummary(): string {
    if (!this.tokens.currentDevToken) return 'Accesso di sviluppo: incolla il token';
    switch (this.access.state) {
      case 'valid':
        return 'Accesso di sviluppo: token verificato';
      case 'expired':
        return 'Accesso di sviluppo: token scaduto';
      case 'invalid':
        return 'Accesso di sviluppo: token non valido';
      default:
        return 'Accesso di sviluppo: token non verificato (servizio non raggiungibile)';
    }
  }

  /** A token (pasted, or from Entra) may fix the entity: the form is redrawn keeping the choices. */
  private applyIdentity(token: string | null): boolean {
    const lock = lockedPartner(readClaims(token));
    if (lock === this.partnerLock) return false;
    const current = this.context();
    this.partnerLock = lock;
    this.renderContextForm({ programme: current.programme, year: current.year, partner: current.partner });
    return true;
  }

  private async saveToken(): Promise<void> {
    const value = byId<HTMLInputElement>('dev-token').value;
    this.tokens.setDevToken(value);
    const current = this.context();
    await this.checkDevToken();
    const lock = this.tokenRefused() ? null : lockedPartner(readClaims(this.tokens.currentDevToken));
    this.partnerLock = lock;
    this.renderContextForm({ programme: current.programme, year: current.year, partner: current.partner });
    const partner = this.tokenRefused() ? undefined : readClaims(value)?.partner;
    if (partner && !this.partnerLock) byId<HTMLSelectElement>('partner').value = partner;
    void this.session?.setContext(this.context());
    void this.loadAgreement();
  }

  /** The ATS lead partner (agreement setting `leadPartner`) also sees the whole ATS (DOMAIN §11). */
  private mountAtsStatus(): void {
    const lead = this.agreement.leadPartner;
    if (!lead || this.partnerLock !== lead) return;
    const root = h('div', { id: 'ats-status', 'aria-live': 'polite' }, h('p', { className: 'hint' }, 'Caricamento…'));
    const refresh = h('button', { type: 'button', className: 'secondary small' }, 'Aggiorna');
    byId('context-form')
      .closest('section')
      ?.after(
        h(
          'section',
          { 'aria-labelledby': 'ats-title', 'data-testid': 'ats-section' },
          h(
            'div',
            { className: 'section-head' },
            h('h2', { id: 'ats-title' }, 'Situazione dell’ATS (capofila)'),
            refresh,
          ),
          root,
        ),
      );
    const load = async () => {
      try {
        renderAtsStatus(
          root,
          await this.api.atsStatus(this.agreement.id, this.context().year),
          async (programme, semester) => {
            const bytes = await this.api
              .samplePopulation(this.agreement.id, programme, semester)
              .catch((error: unknown) => {
                throw offline(error) ? new Error('Servizio non raggiungibile: riprova tra poco.') : error;
              });
            const name = `popolazione-${this.agreement.id}-${programme}-${semester}.txt`;
            downloadBytes(bytes, name, 'text/plain;charset=utf-8');
            return name;
          },
        );
      } catch (error) {
        // Offline: the client's "we will retry" is the outbox's promise, not this section's.
        const message = offline(error)
          ? 'Servizio non raggiungibile: la situazione dell’ATS non è disponibile (riprova con «Aggiorna»).'
          : error instanceof Error
            ? error.message
            : 'Situazione dell’ATS non disponibile.';
        renderError(root, message);
      }
    };
    refresh.addEventListener('click', () => void load());
    void load();
  }

  /** Only a partner's token has documentation requests addressed to it (sample, S4–S5). */
  private mountRequests(): void {
    if (!this.partnerLock) return;
    const root = h('div', { id: 'requests' });
    byId('documents')
      .closest('section')
      ?.before(
        h(
          'section',
          { 'aria-labelledby': 'requests-title' },
          h('h2', { id: 'requests-title' }, 'Richieste di documentazione'),
          root,
        ),
      );
    this.requests = new PartnerRequests(root, {
      agreement: this.agreement.id,
      getToken: this.tokens.getToken,
      uploader: this.api,
      today: () => this.today(),
    });
    void this.requests.reload(this.context().programme, this.context().year);
  }

  /** The API's agreement when reachable (it may carry a newer budget); the shipped one otherwise. */
  private async loadAgreement(): Promise<void> {
    // A development token was checked (and the agreement read) already, unless the service was away.
    if (!this.tokens.usesEntra && this.access.state !== 'offline') return;
    const token = await this.tokens.getToken().catch((error: unknown) => {
      // Neither NAA nor the Office dialog: say so; validation goes on without the service.
      if (error instanceof SignInError) renderError(byId('submit-result'), error.message);
      return null;
    });
    if (!token) return;
    // Inside Excel with Entra the token arrives only now.
    if (this.tokens.usesEntra && this.applyIdentity(token)) void this.session?.setContext(this.context());
    let changed = false;
    try {
      const parsed = AgreementSchema.safeParse(await this.api.getAgreement(this.agreement.id));
      if (parsed.success) {
        this.agreement = parsed.data;
        changed = true;
      }
    } catch {
      // Offline or not signed in: the shipped configuration validates just the same.
    }
    // One pass for both: the server's agreement and the report's last version.
    if ((await this.loadPrevious(false)) || changed) await this.session?.setContext(this.context());
  }

  private async open(port: WorkbookPort): Promise<void> {
    this.session?.stop();
    this.grid = null;
    this.port = port;
    this.selected = null;
    const session = new ReportSession(port, this.context());
    this.session = session;
    session.subscribe((state) => this.renderState(state));
    byId('workspace').hidden = false;
    // In Excel the status column already carries the findings; a dropped file gets them as CSV.
    byId('csv-row').hidden = !(port instanceof FileWorkbook);
    // Documents attach to the row selected in the sheet (Excel: onSelectionChanged), not to the
    // last finding clicked.
    port.onSelect?.((selection) => {
      const ref = parseRange(selection.address);
      if (ref) this.selected = { sheet: selection.sheet, row: ref.first.row };
    });
    if (port instanceof FileWorkbook) {
      byId('grid-section').hidden = false;
      const grid = new GridPreview(byId('grid'), port);
      this.grid = grid;
      grid.render();
    }
    await session.start();
  }

  private wireFileDrop(): void {
    const zone = byId('drop-zone');
    const input = byId<HTMLInputElement>('file-input');
    byId('file-section').hidden = false;
    const load = async (file: File) => {
      byId('file-name').textContent = `File: ${file.name}`;
      const bytes = new Uint8Array(await file.arrayBuffer());
      let workbook: FileWorkbook;
      try {
        workbook = FileWorkbook.fromXlsx(bytes, file.name);
      } catch (error) {
        // The reader says what the file really is, whatever its name (CSV, PDF, .xls, .ods…).
        return renderError(byId('file-error'), fileErrorMessage(error, file.name));
      }
      // A good workbook: the message about the previous file goes.
      replaceChildren(byId('file-error'));
      await this.open(workbook);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void load(file);
    });
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const file = e.dataTransfer?.files?.[0];
      if (file) void load(file);
    });
  }

  private wireTemplate(): void {
    if (this.options.mode === 'file') return this.wireTemplateDownload();
    byId('template-button').addEventListener('click', async () => {
      const port = this.port ?? new FileWorkbook([], 'rendiconto.xlsx');
      try {
        const created = await writeTemplate(port, this.agreement);
        byId('template-status').textContent =
          created.length > 0 ? `Creati i fogli: ${created.join(', ')}.` : 'I fogli del modello esistono già.';
      } catch (error) {
        byId('template-status').textContent =
          error instanceof TemplateError ? error.message : 'Impossibile creare i fogli del modello.';
        return;
      }
      if (this.port !== port) await this.open(port);
      else await this.session?.refresh();
    });
  }

  /** Browser mode: the blank template is a file to download, and so is the workbook with its ids. */
  private wireTemplateDownload(): void {
    const button = byId<HTMLButtonElement>('template-button');
    button.textContent = 'Scarica il modello vuoto (.xlsx)';
    button.addEventListener('click', () => {
      try {
        downloadBytes(templateToXlsx(buildTemplate(this.agreement)), TEMPLATE_FILE_NAME);
        byId('template-status').textContent =
          `Scaricato «${TEMPLATE_FILE_NAME}»: compilalo in Excel e trascinalo qui per controllarlo.`;
      } catch {
        byId('template-status').textContent = 'Impossibile preparare il modello.';
      }
    });
    byId('workbook-download-button').addEventListener('click', () => {
      const port = this.port;
      if (!(port instanceof FileWorkbook) || !port.source) return;
      const status = byId('workbook-download-status');
      try {
        const hidden = port.sheets.flatMap((s) => [...s.hiddenColumns].map((column) => ({ sheet: s.name, column })));
        const bytes = writeBackWorkbook(port.source, port.edits(), { hiddenColumns: hidden });
        const name = withIdsFileName(port.fileName);
        downloadBytes(bytes, name);
        status.textContent = `Scaricato «${name}» con le colonne ID riga e Stato e le correzioni fatte qui.`;
      } catch {
        status.textContent = 'Impossibile preparare il file: riprova dopo aver ricaricato la cartella di lavoro.';
      }
    });
  }

  private renderState(state: SessionState | null): void {
    const submitButton = byId<HTMLButtonElement>('submit-button');
    const ctx = this.context();
    if (!state) {
      renderSubmitIntro(byId('submit-intro'), submitButton, {
        rows: 0,
        rowsWithErrors: 0,
        programme: ctx.programme,
        year: ctx.year,
        canSubmit: false,
        reason: 'Apri una cartella di lavoro per iniziare.',
      });
      return;
    }
    renderProgress(byId('progress-bar'), byId('progress-label'), state.progress);
    if (state.progress) return;
    if (state.error) renderError(byId('pane-error'), state.error);
    else replaceChildren(byId('pane-error'));
    renderSummary(byId('summary'), state.findings, state.rowCount);
    renderFindings(byId('findings'), state.findings, (finding) => void this.select(finding));
    // The status column has just been rewritten: show it in the preview too.
    this.grid?.render();
    renderMapping(byId('mapping'), state.tables, (sheet, override) => void this.session?.setOverride(sheet, override));
    // Rows of the file with errors; a locked row missing from the file (R24) is kept, not rejected.
    const inFile = new Set(this.session?.rows().map((r) => r.rowId) ?? []);
    let rejected = 0;
    for (const id of state.result?.rejectedRowIds ?? []) if (inFile.has(id)) rejected += 1;
    renderSubmitIntro(byId('submit-intro'), submitButton, {
      rows: state.rowCount,
      rowsWithErrors: rejected,
      programme: ctx.programme,
      year: ctx.year,
      canSubmit: state.rowCount > 0,
      reason: state.rowCount > 0 ? null : 'Nessuna riga da inviare.',
    });
  }

  private async select(finding: Finding): Promise<void> {
    if (!this.port || !finding.sheet || !finding.row) return;
    this.selected = { sheet: finding.sheet, row: finding.row };
    const address = `${finding.column ?? 'A'}${finding.row}`;
    try {
      await this.port.selectCell(finding.sheet, address);
    } catch {
      renderError(byId('pane-error'), `Impossibile selezionare la cella ${finding.sheet}!${address}.`);
    }
    if (this.port.kind === 'file') byId('cell-input').focus();
  }

  private selectedLabel(): string | null {
    if (!this.selected || !this.session) return null;
    const row = this.session.rowAt(this.selected.sheet, this.selected.row);
    return row ? `${this.selected.sheet}, riga ${this.selected.row}` : null;
  }

  private wireSubmit(): void {
    const button = byId<HTMLButtonElement>('submit-button');
    const result = byId('submit-result');
    const outboxView = byId('outbox');
    const showOutbox = () =>
      renderOutbox(outboxView, this.submissions.outbox.entries(), () => void this.submissions.outbox.flush(true));
    this.submissions.outbox.on((event) => {
      if (event.type === 'sent') {
        const answer = event.answer as SubmissionAnswer;
        const sent = event.entry.body.rows as { sheet?: string; row?: number; rowId?: string }[];
        renderAnswer(result, answer, sent);
        // The report's ids for the rows sent (matched by natural key when the file had none),
        // then the new version as the state the next edits are checked against.
        if (Array.isArray(answer.rowIds)) void this.session?.adoptIds(sent, answer.rowIds);
        void this.loadPrevious();
      }
      if (event.type === 'failed') renderError(result, event.error.message);
      if (event.type === 'waiting') {
        replaceChildren(
          result,
          h(
            'p',
            { role: 'status' },
            'Il rendiconto è salvato su questo computer e verrà inviato appena il servizio risponde.',
          ),
        );
      }
      showOutbox();
    });
    this.submissions.outbox.watchOnline(window);
    showOutbox();
    button.addEventListener('click', async () => {
      if (!this.session) return;
      const ctx = this.context();
      button.disabled = true;
      replaceChildren(result, h('p', { role: 'status' }, 'Invio in corso…'));
      try {
        await this.submissions.submit(
          { agreementId: this.agreement.id, programme: ctx.programme, partner: ctx.partner, year: ctx.year },
          this.session.rows(),
        );
      } finally {
        button.disabled = false;
        showOutbox();
      }
    });
    this.renderState(null);
  }

  private async attach(file: File, kind: string): Promise<string> {
    const rowLabel = this.selectedLabel();
    const row = this.selected && this.session?.rowAt(this.selected.sheet, this.selected.row);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const docId = await documentId(bytes);
    try {
      const meta = await this.api.uploadDocument(this.agreement.id, docId, bytes, {
        programme: this.context().programme,
        rowId: row ? row.rowId : undefined,
        kind,
        fileName: file.name,
      });
      return `Documento «${meta.fileName}» (${kind}) caricato${rowLabel ? ` per ${rowLabel}` : ''}.`;
    } catch (error) {
      throw error instanceof ApiError ? error : new Error('Caricamento non riuscito.');
    }
  }
}

/** The service did not answer (the client's status 0). */
function offline(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}
