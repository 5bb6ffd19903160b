#!/usr/bin/env node
/**
 * Draws Sidecoach's icon (a clock face with a three-part ring for the hour's
 * 25/25/10 shape) into public/icon/{16,32,48,128}.png. Run once after changing
 * the drawing; the PNGs are committed. No image library: a tiny PNG encoder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x4 supersampling for smooth edges.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const [r, g, b, a] = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / 16;
      raw[o] = a ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const blue = [11, 87, 208];
const teal = [0, 131, 143];
const amber = [200, 120, 0];
const white = [255, 255, 255];
function pixel(u, v) {
  const x = u - 0.5;
  const y = v - 0.5;
  const r = Math.hypot(x, y);
  if (r > 0.48) return [0, 0, 0, 0];
  if (r > 0.36) {
    // The ring: 25 min blue, 25 min teal, 10 min amber, clockwise from the top.
    const minute = ((Math.atan2(x, -y) / (2 * Math.PI) + 1) % 1) * 60;
    return [...(minute < 25 ? blue : minute < 50 ? teal : amber), 1];
  }
  // Hands: one up, one to the right.
  const hand = (Math.abs(x) < 0.035 && y < 0.02 && y > -0.28) || (Math.abs(y) < 0.035 && x > -0.02 && x < 0.2);
  return hand ? [...blue, 1] : [...white, 1];
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size, pixel));
console.log('public/icon: 16, 32, 48, 128');
