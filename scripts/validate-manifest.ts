// Offline structural check of manifest.xml (`npm run validate:manifest`). Microsoft's validator
// (`npm run validate`) calls an online service; this one needs nothing but the file: required
// elements, a GUID id, https URLs, the Excel host and requirement set, resource ids that resolve,
// and icon files that exist in addin/assets.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface ManifestReport {
  problems: string[];
  id: string | null;
  requirement: string | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEV_ORIGIN = 'https://localhost:3000/';

type Node = Record<string, unknown>;

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function attr(node: unknown, name: string): string | undefined {
  return node && typeof node === 'object' ? ((node as Node)[`@_${name}`] as string | undefined) : undefined;
}

function child(node: unknown, name: string): unknown {
  return node && typeof node === 'object' ? (node as Node)[name] : undefined;
}

/** Every value of `attribute` anywhere under `node` (resid references, DefaultValue URLs…). */
function collect(node: unknown, attribute: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, attribute, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === `@_${attribute}` && typeof value === 'string') out.push(value);
      else collect(value, attribute, out);
    }
  }
  return out;
}

/** `production`: the manifest is for the real pane host (ADDIN_BASE_URL), so no loopback URL. */
export function checkManifest(xml: string, assetsDir: string, options: { production?: boolean } = {}): ManifestReport {
  const problems: string[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    return { problems: [`XML non valido: ${(error as Error).message}`], id: null, requirement: null };
  }
  const app = child(doc, 'OfficeApp') as Node | undefined;
  if (!app) return { problems: ['Elemento radice OfficeApp mancante.'], id: null, requirement: null };

  if (attr(app, 'type') !== 'TaskPaneApp') problems.push('OfficeApp deve essere di tipo TaskPaneApp.');
  for (const name of [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ]) {
    if (child(app, name) === undefined) problems.push(`Elemento obbligatorio mancante: ${name}.`);
  }
  const id = typeof app.Id === 'string' ? app.Id.trim() : null;
  if (!id || !GUID.test(id)) problems.push('Id deve essere un GUID.');
  if (typeof app.Version === 'string' && !/^\d+(\.\d+){3}$/.test(app.Version))
    problems.push('Version deve avere la forma n.n.n.n.');

  const hosts = asArray(child(child(app, 'Hosts'), 'Host')).map((h) => attr(h, 'Name'));
  if (!hosts.includes('Workbook')) problems.push('Manca l’host Workbook (Excel).');

  const sets = asArray(child(child(child(app, 'Requirements'), 'Sets'), 'Set'));
  const excelApi = sets.find((s) => attr(s, 'Name') === 'ExcelApi');
  const requirement = excelApi ? (attr(excelApi, 'MinVersion') ?? null) : null;
  if (!requirement) problems.push('Requirements deve dichiarare il set ExcelApi.');
  else if (Number(requirement) < 1.9)
    problems.push('Il riquadro usa worksheets.onChanged: serve ExcelApi 1.9 o superiore.');

  const source = attr(child(child(app, 'DefaultSettings'), 'SourceLocation'), 'DefaultValue');
  if (!source?.startsWith('https://')) problems.push('SourceLocation deve essere un URL https.');

  for (const url of collect(app, 'DefaultValue').filter((v) => /^[a-z]+:\/\//i.test(v))) {
    if (!url.startsWith('https://')) problems.push(`URL non https: ${url}.`);
    else if (options.production && /^https:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(url))
      problems.push(`URL di sviluppo in un manifest di produzione (impostare ADDIN_BASE_URL): ${url}.`);
  }

  // Every resid used must be declared once in Resources.
  const overrides = child(app, 'VersionOverrides');
  const resources = child(overrides, 'Resources');
  const declared = collect(resources, 'id');
  const duplicates = declared.filter((d, i) => declared.indexOf(d) !== i);
  for (const d of new Set(duplicates)) problems.push(`Risorsa dichiarata due volte: ${d}.`);
  for (const resid of new Set(collect(child(overrides, 'Hosts'), 'resid'))) {
    if (!declared.includes(resid)) problems.push(`Risorsa non dichiarata: ${resid}.`);
  }
  const hostOverride = asArray(child(child(overrides, 'Hosts'), 'Host')).find((h) => attr(h, 'type') === 'Workbook');
  if (!hostOverride) problems.push('VersionOverrides non ha l’host Workbook.');
  const desktop = child(hostOverride, 'DesktopFormFactor');
  if (!child(desktop, 'FunctionFile')) problems.push('DesktopFormFactor senza FunctionFile (commands.html).');
  const tab = child(child(desktop, 'ExtensionPoint'), 'OfficeTab');
  if (attr(tab, 'id') !== 'TabHome') problems.push('Il pulsante deve stare nella scheda Home (TabHome).');
  const controls = asArray(child(child(tab, 'Group'), 'Control'));
  const actions = controls.map((c) => attr(child(c, 'Action'), 'type'));
  if (!actions.includes('ShowTaskpane')) problems.push('Manca il pulsante che apre il riquadro (ShowTaskpane).');
  const ids = [...controls.map((c) => attr(c, 'id')), attr(child(tab, 'Group'), 'id')];
  if (new Set(ids).size !== ids.length) problems.push('Gli id dei controlli devono essere univoci.');

  // Icons: every image URL on the pane's own origin (SourceLocation's: the dev origin, or the
  // ADDIN_BASE_URL of a production build) must be a file in addin/assets.
  let paneOrigin = DEV_ORIGIN;
  try {
    if (source) paneOrigin = `${new URL(source).origin}/`;
  } catch {
    problems.push(`SourceLocation non è un URL: ${source}.`);
  }
  const images = [
    attr(child(app, 'IconUrl'), 'DefaultValue'),
    attr(child(app, 'HighResolutionIconUrl'), 'DefaultValue'),
    ...asArray(child(child(resources, 'Images'), 'Image')).map((i) => attr(i, 'DefaultValue')),
  ];
  for (const url of images) {
    if (!url) continue;
    const file = url.startsWith(`${paneOrigin}assets/`)
      ? path.join(assetsDir, url.slice(`${paneOrigin}assets/`.length))
      : null;
    if (file && !fs.existsSync(file)) problems.push(`Icona mancante: ${path.relative(process.cwd(), file)}.`);
  }
  return { problems, id, requirement };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const args = process.argv.slice(2);
  const production = args.includes('--production');
  const file = args.find((a) => !a.startsWith('--')) ?? path.join(root, 'manifest.xml');
  const report = checkManifest(fs.readFileSync(file, 'utf8'), path.join(root, 'addin', 'assets'), { production });
  if (report.problems.length > 0) {
    for (const p of report.problems) console.error(`✗ ${p}`);
    process.exit(1);
  }
  console.log(`✓ ${path.basename(file)}: struttura valida (Id ${report.id}, ExcelApi ${report.requirement}).`);
}
