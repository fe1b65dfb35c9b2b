// The offline manifest check (npm run validate:manifest) on the real manifest and on broken copies.
import fs from 'node:fs';
import path from 'node:path';
import { checkManifest } from '../../../scripts/validate-manifest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const assets = path.join(ROOT, 'addin', 'assets');

describe('manifest.xml', () => {
  it('is structurally valid: GUID id, Excel host, ExcelApi 1.9, https URLs, icons present', () => {
    expect(checkManifest(manifest, assets)).toEqual({
      problems: [],
      id: '23096e62-df3d-4409-a6ac-dea5f68b9c7b',
      requirement: '1.9',
    });
  });

  it('reports what a broken manifest gets wrong', () => {
    const broken = manifest
      .replace('<Id>23096e62-df3d-4409-a6ac-dea5f68b9c7b</Id>', '<Id>rendiconta</Id>')
      .replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>')
      .replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html')
      .replace('icon-80.png', 'icon-81.png')
      .replace('<bt:String id="Group.Label" DefaultValue="Rendiconta"/>', '');
    expect(checkManifest(broken, assets).problems).toEqual([
      'Id deve essere un GUID.',
      'Il riquadro usa worksheets.onChanged: serve ExcelApi 1.9 o superiore.',
      'URL non https: http://localhost:3000/commands.html.',
      'Risorsa non dichiarata: Group.Label.',
      `Icona mancante: ${path.relative(process.cwd(), path.join(assets, 'icon-81.png'))}.`,
    ]);
  });

  it('rejects text that is not a manifest', () => {
    expect(checkManifest('<Other/>', assets).problems).toEqual(['Elemento radice OfficeApp mancante.']);
  });
});
