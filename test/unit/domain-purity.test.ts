// The domain module's purity is enforced by tools, and this test runs them in `npm test`: shared/
// compiles with no DOM and no Node types, and imports nothing but itself, zod and decimal.js.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SHARED = path.join(__dirname, '../../shared');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('shared/ is pure', () => {
  it('compiles with lib ES2022 only (no DOM, no Node types)', () => {
    const configPath = path.join(SHARED, 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    expect(config?.options.lib).toEqual(['lib.es2022.d.ts']);
    expect(config?.options.types).toEqual([]);
    const program = ts.createProgram(config!.fileNames, config!.options);
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  }, 60_000);

  it('imports only relative modules, zod and decimal.js', () => {
    const outside = sourceFiles(SHARED).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const specs = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      return specs
        .filter((s) => !s.startsWith('.') && s !== 'zod' && s !== 'decimal.js')
        .map((s) => `${path.relative(SHARED, file)}: ${s}`);
    });
    expect(outside).toEqual([]);
  });

  it('keeps every import inside shared/', () => {
    const escaping = sourceFiles(SHARED).flatMap((file) => {
      const specs = [...fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]);
      return specs
        .filter((s) => !path.resolve(path.dirname(file), s).startsWith(SHARED))
        .map((s) => `${path.relative(SHARED, file)}: ${s}`);
    });
    expect(escaping).toEqual([]);
  });
});
