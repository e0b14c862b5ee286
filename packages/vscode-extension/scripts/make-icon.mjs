#!/usr/bin/env node
/**
 * Draws images/icon.png (128×128): two origins (dots) joined by a request arrow, on a rounded
 * square. Written as a PNG by hand (zlib only), so no image tools are needed: `node scripts/make-icon.mjs`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const BACKGROUND = [30, 58, 95];
const LEFT = [255, 184, 77];
const RIGHT = [94, 201, 140];
const ARROW = [245, 247, 250];

const inRoundedSquare = (x, y) => {
  const r = 24;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inArrow = (x, y) => {
  // Shaft from the left dot to the arrow head, then a triangle pointing at the right dot.
  if (x >= 44 && x <= 74 && Math.abs(y - 64) <= 5) return true;
  return x >= 72 && x <= 88 && Math.abs(y - 64) <= (88 - x) * 0.9;
};

/** Colour and coverage of one sample point, painted back to front. */
function sample(x, y) {
  if (!inRoundedSquare(x, y)) return undefined;
  if (inCircle(x, y, 30, 64, 15)) return LEFT;
  if (inCircle(x, y, 100, 64, 15)) return RIGHT;
  if (inArrow(x, y)) return ARROW;
  return BACKGROUND;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (colour === undefined) continue;
        sum[0] += colour[0];
        sum[1] += colour[1];
        sum[2] += colour[2];
        sum[3] += 1;
      }
    }
    const offset = py * (SIZE * 4 + 1) + 1 + px * 4;
    const covered = sum[3];
    raw[offset] = covered ? Math.round(sum[0] / covered) : 0;
    raw[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
    raw[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
    raw[offset + 3] = Math.round((covered / SAMPLES ** 2) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
