/**
 * A small streaming zip writer with control over what real-world dossier archives vary in: entry
 * names in UTF-8 (with the UTF-8 flag) or in GBK without it, as Windows tools write them; fixed
 * DOS timestamps, so the same input gives the same bytes; optional ZipCrypto (traditional PKWARE)
 * encryption. No Zip64: archives stay under 4 GiB and 65535 entries, and say so when they do not.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

export type Sink = (chunk: Buffer) => Promise<void> | void;

export interface ZipWriterOptions {
  names: 'utf8' | 'gbk';
  /** Modification time of every entry (stored as local DOS time from these UTC fields). */
  modified: Date;
  /** ZipCrypto password, or none. */
  password?: string | null;
  /** Source of the 11 header bytes ZipCrypto puts before each entry (seeded for reproducible output). */
  randomBytes?: (count: number) => Buffer;
}

const UTF8_FLAG = 0x0800;
const ENCRYPTED_FLAG = 0x0001;
/** Made by MS-DOS/FAT, zip 2.0: what Windows tools write. */
const VERSION_MADE_BY = 0x0014;
const DOS_DIRECTORY = 0x10;
const DOS_ARCHIVE = 0x20;
const MAX_OFFSET = 0xffffffff;
const MAX_ENTRIES = 0xffff;

interface CentralRecord {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  attributes: number;
}

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Traditional PKWARE encryption (APPNOTE 6.1): weak, but what many Windows tools still offer. */
class ZipCrypto {
  private k0 = 0x12345678;
  private k1 = 0x23456789;
  private k2 = 0x34567890;

  constructor(password: string) {
    for (const byte of Buffer.from(password, 'latin1')) this.update(byte);
  }

  private update(byte: number): void {
    this.k0 = ((CRC_TABLE[(this.k0 ^ byte) & 0xff] as number) ^ (this.k0 >>> 8)) >>> 0;
    this.k1 = (Math.imul((this.k1 + (this.k0 & 0xff)) >>> 0, 134775813) + 1) >>> 0;
    this.k2 = ((CRC_TABLE[(this.k2 ^ (this.k1 >>> 24)) & 0xff] as number) ^ (this.k2 >>> 8)) >>> 0;
  }

  encrypt(data: Buffer): Buffer {
    const out = Buffer.allocUnsafe(data.length);
    for (let i = 0; i < data.length; i++) {
      const temp = (this.k2 | 2) & 0xffff;
      const byte = data[i] as number;
      out[i] = byte ^ ((Math.imul(temp, temp ^ 1) >>> 8) & 0xff);
      this.update(byte);
    }
    return out;
  }
}

export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private readonly stamp: { time: number; date: number };
  private finished = false;

  constructor(
    private readonly sink: Sink,
    private readonly options: ZipWriterOptions,
  ) {
    this.stamp = dosDateTime(options.modified);
  }

  private encodeName(name: string): Buffer {
    if (this.options.names === 'utf8') return Buffer.from(name, 'utf8');
    const encoded = iconv.encode(name, 'gbk');
    // GBK cannot hold every character; refuse rather than write '?' into a name.
    if (iconv.decode(encoded, 'gbk') !== name) throw new Error(`entry name not representable in GBK: ${name}`);
    return encoded;
  }

  private async write(chunk: Buffer): Promise<void> {
    await this.sink(chunk);
    this.offset += chunk.length;
  }

  async addDirectory(name: string): Promise<void> {
    await this.addEntry(name.endsWith('/') ? name : `${name}/`, Buffer.alloc(0), DOS_DIRECTORY);
  }

  async addFile(name: string, data: Buffer): Promise<void> {
    await this.addEntry(name, data, DOS_ARCHIVE);
  }

  private async addEntry(name: string, data: Buffer, attributes: number): Promise<void> {
    if (this.finished) throw new Error('zip already finished');
    if (this.records.length >= MAX_ENTRIES) throw new Error('too many entries for a zip without Zip64');
    const encodedName = this.encodeName(name);
    const crc = crc32(data);
    const deflated = data.length > 0 ? deflateRawSync(data, { level: 6 }) : data;
    // Encrypted PDFs do not shrink: store them as they are rather than inflate them.
    const method = deflated.length < data.length ? 8 : 0;
    let payload = method === 8 ? deflated : data;
    let flags = this.options.names === 'utf8' ? UTF8_FLAG : 0;
    const isDirectory = attributes === DOS_DIRECTORY;
    if (this.options.password && !isDirectory) {
      const crypto = new ZipCrypto(this.options.password);
      const header = Buffer.concat([this.options.randomBytes?.(11) ?? Buffer.alloc(11), Buffer.from([crc >>> 24])]);
      payload = Buffer.concat([crypto.encrypt(header), crypto.encrypt(payload)]);
      flags |= ENCRYPTED_FLAG;
    }
    if (this.offset + 30 + encodedName.length + payload.length > MAX_OFFSET) throw new Error('archive too large for a zip without Zip64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(encodedName.length, 26);
    local.writeUInt16LE(0, 28);
    this.records.push({ name: encodedName, flags, method, crc, compressedSize: payload.length, size: data.length, offset: this.offset, attributes });
    await this.write(Buffer.concat([local, encodedName]));
    await this.write(payload);
  }

  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const r of this.records) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(VERSION_MADE_BY, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(r.flags, 8);
      central.writeUInt16LE(r.method, 10);
      central.writeUInt16LE(this.stamp.time, 12);
      central.writeUInt16LE(this.stamp.date, 14);
      central.writeUInt32LE(r.crc, 16);
      central.writeUInt32LE(r.compressedSize, 20);
      central.writeUInt32LE(r.size, 24);
      central.writeUInt16LE(r.name.length, 28);
      central.writeUInt32LE(r.attributes, 38);
      central.writeUInt32LE(r.offset, 42);
      parts.push(central, r.name);
    }
    const directory = Buffer.concat(parts);
    if (start + directory.length > MAX_OFFSET) throw new Error('archive too large for a zip without Zip64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(directory);
    await this.write(end);
  }
}
