/**
 * A minimal zip writer: files stored as they are (method 0, STORE; Markdown is
 * small and every unzip tool reads it), names in UTF-8 (flag bit 11), a
 * CRC-32 per file, one central directory. No zip64: at most 65,535 files and
 * 4 GiB, far beyond an export of notes. Pure: returns the archive as pieces for
 * a Blob, so no single buffer holds it all.
 * Format: PKWARE's APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central
 * directory header), 4.3.16 (end of central directory).
 */
import { crc32Bytes } from './card-format';

export interface ZipEntry {
  /** The path inside the archive ("/" separates folders). */
  name: string;
  data: Uint8Array;
  /** Shown as the file's date (local time, to two seconds). */
  modified: Date;
}

const UTF8_NAMES = 0x0800;
const VERSION = 20;

/** A DOS date and time (what zip stores), from local time; before 1980 becomes 1980-01-01. */
function dosTime(date: Date): { time: number; date: number } {
  if (date.getFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.min(date.getFullYear(), 2107) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * A zip built one file at a time (an export writes a batch of sessions, then
 * the next): `add` gives a file's bytes to append, `finish` the directory that
 * ends the archive.
 */
export function zipWriter(): { add: (entry: ZipEntry) => Uint8Array[]; finish: () => Uint8Array[] } {
  const encoder = new TextEncoder();
  const central: Uint8Array[] = [];
  let offset = 0;
  return {
    add(entry) {
      if (central.length >= 0xffff) throw new RangeError('too many files for a zip without zip64');
      const name = encoder.encode(entry.name);
      const crc = crc32Bytes(entry.data);
      const size = entry.data.length;
      const when = dosTime(entry.modified);
      if (offset + 30 + name.length + size > 0xffffffff) throw new RangeError('too large for a zip without zip64');
      const local = new Uint8Array(30 + name.length);
      const l = new DataView(local.buffer);
      l.setUint32(0, 0x04034b50, true);
      l.setUint16(4, VERSION, true);
      l.setUint16(6, UTF8_NAMES, true);
      l.setUint16(8, 0, true); // stored
      l.setUint16(10, when.time, true);
      l.setUint16(12, when.date, true);
      l.setUint32(14, crc, true);
      l.setUint32(18, size, true);
      l.setUint32(22, size, true);
      l.setUint16(26, name.length, true);
      l.setUint16(28, 0, true);
      local.set(name, 30);
      const head = new Uint8Array(46 + name.length);
      const c = new DataView(head.buffer);
      c.setUint32(0, 0x02014b50, true);
      c.setUint16(4, VERSION, true);
      c.setUint16(6, VERSION, true);
      c.setUint16(8, UTF8_NAMES, true);
      c.setUint16(10, 0, true);
      c.setUint16(12, when.time, true);
      c.setUint16(14, when.date, true);
      c.setUint32(16, crc, true);
      c.setUint32(20, size, true);
      c.setUint32(24, size, true);
      c.setUint16(28, name.length, true);
      // Extra field, comment, disk number, internal and external attributes: all 0.
      c.setUint32(42, offset, true);
      head.set(name, 46);
      central.push(head);
      offset += local.length + size;
      return [local, entry.data];
    },
    finish() {
      const size = central.reduce((sum, h) => sum + h.length, 0);
      const end = new Uint8Array(22);
      const e = new DataView(end.buffer);
      e.setUint32(0, 0x06054b50, true);
      e.setUint16(8, central.length, true);
      e.setUint16(10, central.length, true);
      e.setUint32(12, size, true);
      e.setUint32(16, offset, true);
      return [...central, end];
    },
  };
}

/** The archive of `entries` (stored, not compressed), as pieces in order. */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array[] {
  const writer = zipWriter();
  return [...entries.flatMap((e) => writer.add(e)), ...writer.finish()];
}
