// Draws the add-in icons (a white tick on the #0f6cbd accent, rounded square) as PNG files with
// node:zlib only, so no image tool or download is needed. Run: npx tsx scripts/make-addin-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const ACCENT = [0x0f, 0x6c, 0xbd];
const OUT = path.resolve(__dirname, '..', 'addin', 'assets');

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Distance from p to the segment ab. */
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

export function icon(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const radius = size * 0.18;
  const stroke = Math.max(1.2, size * 0.11);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Rounded square coverage.
      const qx = Math.max(Math.abs(px - size / 2) - (size / 2 - radius), 0);
      const qy = Math.max(Math.abs(py - size / 2) - (size / 2 - radius), 0);
      const inside = Math.max(0, Math.min(1, radius - Math.hypot(qx, qy) + 0.5));
      // Tick: two strokes.
      const d = Math.min(
        segment(px, py, size * 0.26, size * 0.52, size * 0.43, size * 0.69),
        segment(px, py, size * 0.43, size * 0.69, size * 0.75, size * 0.33),
      );
      const tick = Math.max(0, Math.min(1, stroke / 2 - d + 0.5));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(ACCENT[c] * (1 - tick) + 255 * tick);
      raw[o + 3] = Math.round(255 * inside);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) fs.writeFileSync(path.join(OUT, `icon-${size}.png`), icon(size));
  console.log(`icons written to ${path.relative(process.cwd(), OUT)}: ${SIZES.join(', ')}`);
}
