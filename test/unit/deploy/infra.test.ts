// Issue 12: the azd template, checked offline (Bicep cannot be compiled or deployed here). A small
// reader of the Bicep files checks what a compile would catch of the wiring between files
// (module parameters declared and required ones passed, outputs used exist, parameters used,
// abbreviations defined, balanced brackets) and what the issue asks of the resources: no shared
// keys on storage, the built-in role definition ids, CORS for the pane only, the AUTH_* settings,
// AUDIT_SIGNING_KEY as a Key Vault reference, and settings the code actually reads.
import fs from 'node:fs';
import path from 'node:path';
import { storageSettings } from '../../../functions/lib/storage-settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/**
 * Bicep source with comments and the literal parts of strings blanked out (same length, so offsets
 * still match the file); `${…}` interpolations stay, as they are expressions.
 */
function code(source: string): string {
  const out = source.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const skipString = (): void => {
    // at the opening quote
    const open = i++;
    let literalFrom = i;
    while (i < source.length) {
      if (source[i] === '\\') i += 2;
      else if (source[i] === '$' && source[i + 1] === '{') {
        blank(literalFrom, i);
        i += 2;
        let depth = 1;
        while (i < source.length && depth > 0) {
          if (source[i] === "'") skipString();
          else {
            if (source[i] === '{') depth++;
            else if (source[i] === '}') depth--;
            i++;
          }
        }
        literalFrom = i;
      } else if (source[i] === "'") {
        blank(literalFrom, i);
        i++;
        return;
      } else i++;
    }
    throw new Error(`unterminated string at ${open}`);
  };
  while (i < source.length) {
    if (source[i] === "'") skipString();
    else if (source.startsWith('//', i)) {
      const eol = source.indexOf('\n', i);
      const to = eol < 0 ? source.length : eol;
      blank(i, to);
      i = to;
    } else if (source.startsWith('/*', i)) {
      const to = source.indexOf('*/', i) + 2;
      blank(i, to);
      i = to;
    } else i++;
  }
  return out.join('');
}

interface Param {
  name: string;
  type: string;
  required: boolean;
}

function params(source: string): Param[] {
  return [...code(source).matchAll(/^param (\w+) (\w+)(\s*=)?/gm)].map((m) => ({
    name: m[1],
    type: m[2],
    required: !m[3],
  }));
}

function outputs(source: string): string[] {
  return [...code(source).matchAll(/^output (\w+) /gm)].map((m) => m[1]);
}

/** The text between the `{` at `open` and its matching `}`. */
function block(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced block');
}

/** Keys at the top level of an object body. */
function keys(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  const lines = body.split('\n');
  for (const line of lines) {
    const m = /^\s*(\w+)\s*:/.exec(line);
    if (depth === 0 && m) out.push(m[1]);
    for (const ch of line) {
      if (ch === '{' || ch === '[' || ch === '(') depth++;
      else if (ch === '}' || ch === ']' || ch === ')') depth--;
    }
  }
  return out;
}

interface ModuleUse {
  symbol: string;
  target: string;
  params: string[];
}

function modules(file: string): ModuleUse[] {
  const raw = read(file);
  const stripped = code(raw);
  return [...raw.matchAll(/^module (\w+) '([^']+)' = (?:if \([^)]*\) )?\{/gm)].map((m) => {
    const body = block(stripped, (m.index ?? 0) + m[0].length - 1);
    const at = /\bparams: \{/.exec(body);
    return { symbol: m[1], target: m[2], params: at ? keys(block(body, at.index + at[0].length - 1)) : [] };
  });
}

const BICEP = [
  'infra/main.bicep',
  'infra/app/api.bicep',
  'infra/app/rbac.bicep',
  'infra/app/storage.bicep',
  'infra/app/keyvault.bicep',
  'infra/app/web.bicep',
];

describe('azd template files', () => {
  it('are all present, next to azure.yaml', () => {
    for (const f of [...BICEP, 'azure.yaml', 'infra/main.parameters.json', 'infra/abbreviations.json'])
      expect({ f, exists: fs.existsSync(path.join(ROOT, f)) }).toEqual({ f, exists: true });
  });

  it.each(BICEP)('%s: brackets balance and every parameter is used', (file) => {
    const source = code(read(file));
    for (const [open, close] of [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ])
      expect(source.split(open).length).toBe(source.split(close).length);
    for (const p of params(read(file))) {
      const uses = source.match(new RegExp(`\\b${p.name}\\b`, 'g')) ?? [];
      expect({ param: p.name, used: uses.length > 1 }).toEqual({ param: p.name, used: true });
    }
  });

  it.each(BICEP)(
    '%s: local modules get declared parameters, all required ones, and expose the outputs used',
    (file) => {
      const source = read(file);
      for (const use of modules(file).filter((m) => m.target.startsWith('./'))) {
        const target = path.join(path.dirname(file), use.target);
        const declared = params(read(target));
        for (const p of use.params)
          expect({ module: use.symbol, param: p, declared: declared.some((d) => d.name === p) }).toEqual({
            module: use.symbol,
            param: p,
            declared: true,
          });
        for (const d of declared.filter((x) => x.required))
          expect({ module: use.symbol, required: d.name, passed: use.params.includes(d.name) }).toEqual({
            module: use.symbol,
            required: d.name,
            passed: true,
          });
        const exposed = outputs(read(target));
        for (const m of source.matchAll(new RegExp(`\\b${use.symbol}\\.outputs\\.(\\w+)`, 'g')))
          expect({ module: use.symbol, output: m[1], exposed: exposed.includes(m[1]) }).toEqual({
            module: use.symbol,
            output: m[1],
            exposed: true,
          });
      }
    },
  );

  it('main.parameters.json maps onto main.bicep, abbreviations exist', () => {
    const main = read('infra/main.bicep');
    const declared = params(main);
    const file = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: string }> };
    for (const name of Object.keys(file.parameters)) expect(declared.map((d) => d.name)).toContain(name);
    for (const d of declared.filter((x) => x.required)) expect(Object.keys(file.parameters)).toContain(d.name);
    expect(declared.find((d) => d.name === 'auditSigningKey')).toBeDefined();
    expect(main).toMatch(/@secure\(\)\n@description\([^\n]*\)\nparam auditSigningKey string\n/);
    const abbrs = JSON.parse(read('infra/abbreviations.json')) as Record<string, string>;
    for (const m of main.matchAll(/\babbrs\.(\w+)/g)) expect(Object.keys(abbrs)).toContain(m[1]);
  });
});

describe('what the resources must be', () => {
  it('Flex Consumption plan, Node on Linux, deployed from a blob container with the identity', () => {
    const main = read('infra/main.bicep');
    expect(main).toMatch(/name: 'FC1'\s+tier: 'FlexConsumption'/);
    expect(main).toContain("targetScope = 'subscription'");
    const api = read('infra/app/api.bicep');
    expect(api).toContain("kind: 'functionapp,linux'");
    expect(api).toMatch(/functionAppConfig: \{\s+deployment: \{\s+storage: \{\s+type: 'blobContainer'/);
    expect(api).toMatch(/authentication: \{\s+type: 'UserAssignedIdentity'/);
    expect(api).toContain("param runtimeName string = 'node'");
    expect(api).toContain("'azd-service-name': serviceName");
  });

  it('storage: no shared keys, no public blobs, soft delete, versioning and point-in-time restore', () => {
    const storage = code(read('infra/app/storage.bicep'));
    expect(storage).toContain('allowSharedKeyAccess: false');
    expect(storage).toContain('allowBlobPublicAccess: false');
    expect(storage).toMatch(/deleteRetentionPolicy: \{\s+enabled: true/);
    expect(storage).toMatch(/containerDeleteRetentionPolicy: \{\s+enabled: true/);
    expect(storage).toContain('isVersioningEnabled: true');
    expect(storage).toMatch(/changeFeed: \{\s+enabled: true/);
    expect(storage).toMatch(/restorePolicy: \{\s+enabled: true\s+days: restoreDays/);
    // PITR needs its window inside the soft-delete retention.
    const days = (name: string) => Number(new RegExp(`param ${name} int = (\\d+)`).exec(storage)?.[1]);
    expect(days('restoreDays')).toBeLessThan(days('deleteRetentionDays'));
    expect(read('infra/app/storage.bicep')).toContain("minimumTlsVersion: 'TLS1_2'");
  });

  it('role assignments: the identity gets Storage Blob Data Owner and Storage Table Data Contributor on the account', () => {
    const rbac = read('infra/app/rbac.bicep');
    const roleIds: Record<string, string> = {
      'Storage Blob Data Owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
      'Storage Table Data Contributor': '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
      'Storage Queue Data Contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
      'Monitoring Metrics Publisher': '3913510d-42f4-4e42-8a64-420c390055eb',
      'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
    };
    const vars = Object.fromEntries(
      [...rbac.matchAll(/^var (\w+) = '([0-9a-f-]{36})' \/\/ (.+)$/gm)].map((m) => [
        m[1],
        { id: m[2], role: m[3].trim() },
      ]),
    );
    for (const { id, role } of Object.values(vars)) expect({ role, id }).toEqual({ role, id: roleIds[role] });
    const stripped = code(rbac);
    const assignments = [
      ...rbac.matchAll(/^resource (\w+) 'Microsoft\.Authorization\/roleAssignments@[\d-]+' = (?:if \([^)]*\) )?\{/gm),
    ].map((m) => {
      const body = block(stripped, (m.index ?? 0) + m[0].length - 1);
      const role = /subscriptionResourceId\('[^']*', (\w+)\)/.exec(body)?.[1] ?? '';
      return {
        resource: m[1],
        role: vars[role]?.role,
        scope: /scope: (\w+)/.exec(body)?.[1],
        principal: /principalId: (\w+)/.exec(body)?.[1],
        name: /name: guid\((\w+)\.id, (\w+), (\w+)\)/.exec(body)?.slice(1),
      };
    });
    const mi = assignments.filter((a) => a.principal === 'managedIdentityPrincipalId');
    expect(mi).toContainEqual(expect.objectContaining({ role: 'Storage Blob Data Owner', scope: 'storageAccount' }));
    expect(mi).toContainEqual(
      expect.objectContaining({ role: 'Storage Table Data Contributor', scope: 'storageAccount' }),
    );
    expect(mi).toContainEqual(expect.objectContaining({ role: 'Key Vault Secrets User', scope: 'vault' }));
    expect(mi).toContainEqual(
      expect.objectContaining({ role: 'Monitoring Metrics Publisher', scope: 'applicationInsights' }),
    );
    // Deterministic, distinct names: scope + principal + role, so a re-deploy is idempotent.
    for (const a of assignments) expect(a.name?.[0]).toBe(a.scope);
    expect(new Set(assignments.map((a) => a.name?.join('/'))).size).toBe(assignments.length);
    // The identity passed is the Function App's own one.
    expect(read('infra/main.bicep')).toMatch(
      /managedIdentityPrincipalId: apiUserAssignedIdentity\.outputs\.principalId/,
    );
  });

  it('app settings: AUTH_*, AUDIT_SIGNING_KEY from Key Vault, identity storage the code understands', () => {
    const main = read('infra/main.bicep');
    const api = read('infra/app/api.bicep');
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'])
      expect(main).toMatch(new RegExp(`\\b${name}: `));
    expect(main).toContain("NODE_ENV: 'production'");
    expect(main).toContain(
      "AUTH_JWKS_URL: '${environment().authentication.loginEndpoint}${tenantId}/discovery/v2.0/keys'",
    );
    expect(api).toContain("AUDIT_SIGNING_KEY: '@Microsoft.KeyVault(SecretUri=${auditSigningKeySecretUri})'");
    expect(api).toContain('keyVaultReferenceIdentity: identityId');
    const vault = read('infra/app/keyvault.bicep');
    expect(vault).toContain('enableRbacAuthorization: true');
    expect(vault).toContain('enablePurgeProtection: true');
    expect(vault).toContain('value: auditSigningKey');
    expect(vault).toContain('output auditSigningKeySecretUri string = signingKey.properties.secretUri');
    // No key or connection string is set anywhere: the app falls to the identity branch.
    const settingNames = [...code(api).matchAll(/^\s+(\w+): /gm)].map((m) => m[1]);
    expect(settingNames).not.toContain('STORAGE_CONNECTION_STRING');
    expect(settingNames).not.toContain('AzureWebJobsStorage');
    for (const name of ['STORAGE_ACCOUNT_NAME', 'STORAGE_BLOB_ENDPOINT', 'STORAGE_TABLE_ENDPOINT', 'AZURE_CLIENT_ID'])
      expect(settingNames).toContain(name);
    // What those settings become at run time (endpoints end with '/' in ARM outputs).
    expect(
      storageSettings({
        STORAGE_ACCOUNT_NAME: 'stabc123',
        STORAGE_BLOB_ENDPOINT: 'https://stabc123.blob.core.windows.net/',
        STORAGE_TABLE_ENDPOINT: 'https://stabc123.table.core.windows.net/',
        AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
        AzureWebJobsStorage__credential: 'managedidentity',
        AzureWebJobsStorage__blobServiceUri: 'https://stabc123.blob.core.windows.net/',
      }),
    ).toEqual({
      auth: 'identity',
      blobEndpoint: 'https://stabc123.blob.core.windows.net',
      tableEndpoint: 'https://stabc123.table.core.windows.net',
      managedIdentityClientId: '00000000-0000-0000-0000-000000000001',
    });
  });

  it("CORS admits the pane's origin only, and the pane is built with the provisioned origins", () => {
    const main = read('infra/main.bicep');
    const api = read('infra/app/api.bicep');
    expect(api).toMatch(/cors: \{\s+allowedOrigins: allowedOrigins\s+supportCredentials: false/);
    expect(main).toContain(
      'allowedOrigins: empty(paneCustomOrigin) ? [web.outputs.origin] : [web.outputs.origin, paneCustomOrigin]',
    );
    expect(`${main}${api}`).not.toMatch(/allowedOrigins:[^\n]*'\*'/);
    expect(read('infra/app/web.bicep')).toContain(
      "output origin string = 'https://${site.properties.defaultHostname}'",
    );
    // The output names are the webpack settings.
    expect(main).toContain('output ADDIN_BASE_URL string = web.outputs.origin');
    expect(main).toContain('output ADDIN_API_BASE_URL string = api.outputs.origin');
    const webpack = read('webpack.config.js');
    expect(webpack).toContain("read('ADDIN_BASE_URL')");
    expect(webpack).toContain("read('ADDIN_API_BASE_URL', true)");
    expect(main).toContain("module logAnalytics 'br/public:avm/res/operational-insights/workspace:");
    expect(main).toContain("module monitoring 'br/public:avm/res/insights/component:");
  });

  it('azure.yaml: the api service is the assembled package, the web service the built pane', () => {
    const yaml = read('azure.yaml');
    expect(yaml).toMatch(/\n {2}api:\n {4}project: \.\/\.deploy\/api\n {4}language: js\n {4}host: function\n/);
    expect(yaml).toMatch(
      /\n {2}web:\n {4}project: \.\n {4}language: js\n {4}host: staticwebapp\n {4}dist: dist\/addin\n/,
    );
    expect(yaml).toContain('npm run package:functions');
    expect(yaml).toContain('npm run validate:manifest -- dist/addin/manifest.xml --production');
    expect(yaml).toMatch(/workflows:\n {2}up:\n {4}steps:\n {6}- azd: provision\n {6}- azd: deploy --all\n/);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['package:functions']).toContain('scripts/package-functions.ts');
    expect(scripts['build:addin']).toContain('webpack');
    // The service names match the azd-service-name tags.
    expect(read('infra/app/api.bicep')).toContain("param serviceName string = 'api'");
    expect(read('infra/app/web.bicep')).toContain("param serviceName string = 'web'");
  });
});
