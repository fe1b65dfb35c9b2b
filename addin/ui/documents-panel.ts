// Attaching a supporting document (PDF, PNG, JPEG) to the selected row. The id is the SHA-256 of
// the bytes, so uploading the same file twice is harmless.
import { toHex } from '../../shared/core/sha256';
import { DOCUMENT_KINDS } from '../../shared/mapping/fields';
import { h, replaceChildren } from './dom';

export interface AttachRequest {
  file: File;
  kind: string;
}

export function renderDocumentsForm(
  root: HTMLElement,
  rowLabel: () => string | null,
  onAttach: (request: AttachRequest) => Promise<string>,
): void {
  const input = h('input', {
    id: 'doc-file',
    type: 'file',
    className: 'visually-hidden',
    accept: 'application/pdf,image/png,image/jpeg',
  });
  const chosen = h('span', { className: 'hint', id: 'doc-chosen' }, 'Nessun file scelto');
  input.addEventListener('change', () => {
    chosen.textContent = input.files?.[0]?.name ?? 'Nessun file scelto';
  });
  const kind = h('select', { id: 'doc-kind' }, ...Object.keys(DOCUMENT_KINDS).map((k) => h('option', { value: k }, k)));
  const status = h('p', { id: 'doc-status', role: 'status' });
  const target = h('p', { className: 'hint', id: 'doc-row' });
  const refresh = () => {
    const label = rowLabel();
    target.textContent = label
      ? `Riga: ${label}`
      : 'Seleziona una segnalazione o una cella della riga a cui allegare il documento.';
  };
  const button = h(
    'button',
    {
      type: 'button',
      className: 'secondary',
      onclick: async () => {
        const file = input.files?.[0];
        if (!file) {
          status.textContent = 'Scegli un file da allegare.';
          return;
        }
        status.textContent = 'Caricamento in corso…';
        try {
          status.textContent = await onAttach({ file, kind: kind.value });
        } catch (error) {
          status.textContent = error instanceof Error ? error.message : 'Caricamento non riuscito.';
        }
      },
    },
    'Allega documento',
  );
  root.addEventListener('focusin', refresh);
  refresh();
  replaceChildren(
    root,
    target,
    h(
      'p',
      { className: 'field' },
      h('span', { className: 'label' }, 'File (PDF, PNG, JPEG)'),
      h(
        'span',
        { className: 'file-pick' },
        h('label', { for: 'doc-file', className: 'button secondary' }, 'Scegli un file…'),
        chosen,
      ),
      input,
    ),
    h('p', { className: 'field' }, h('label', { for: 'doc-kind' }, 'Tipo di documento'), kind),
    button,
    status,
  );
}

/**
 * A document's id: the domain's sha256Hex of its bytes (shared/core/sha256.ts), by WebCrypto so a
 * 10 MiB file is hashed off the pane's thread; test/unit/sha256-agreement.test.ts pins that both agree.
 */
export async function documentId(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return toHex(new Uint8Array(digest));
}
