// Hands bytes to the browser as a file download (browser mode: template, workbook with ids).
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBytes(bytes: Uint8Array, fileName: string, type = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download starts asynchronously from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "rendiconto.xlsx" → "rendiconto-con-id.xlsx" (a second download keeps one suffix). */
export function withIdsFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, '').replace(/-con-id$/, '');
  return `${base}-con-id.xlsx`;
}
