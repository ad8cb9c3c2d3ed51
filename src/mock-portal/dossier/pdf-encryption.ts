/**
 * AES-256 (security handler revision 6, ISO 32000-2) for a PDF built with pdf-lib, with every
 * "random" byte (file key, salts, IVs, file ID) derived from a secret seed, so the same dossier
 * spec gives byte-identical files. pdf-lib's own `encrypt()` draws from the system RNG; it is used
 * for the dictionary's structure and permissions, then its key material is replaced.
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { PDFDict, PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFSecurity } from '@cantoo/pdf-lib';

const ZERO_IV = Buffer.alloc(16);

/** ISO 32000-2 Algorithm 2.B: the revision 6 password hash. */
export function r6Hash(password: Buffer, salt: Buffer, userKey: Buffer): Buffer {
  let k: Buffer = createHash('sha256').update(Buffer.concat([password, salt, userKey])).digest();
  let e: Buffer = Buffer.alloc(1);
  for (let round = 0; round < 64 || (e[e.length - 1] as number) > round - 32; round++) {
    const block = Buffer.concat([password, k, userKey]);
    const k1 = Buffer.concat(Array<Buffer>(64).fill(block));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i] as number;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3] as string).update(e).digest();
  }
  return k.subarray(0, 32);
}

function aes256NoPadding(key: Buffer, iv: Buffer | null, data: Buffer): Buffer {
  const cipher = iv ? createCipheriv('aes-256-cbc', key, iv) : createCipheriv('aes-256-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** Revision 6 takes the password's UTF-8 bytes, at most 127 of them. */
function passwordBytes(password: string): Buffer {
  return Buffer.from(password, 'utf8').subarray(0, 127);
}

export interface EncryptionOptions {
  userPassword: string;
  ownerPassword: string;
  /** Secret from which keys, salts and IVs derive (never stored in the file). */
  keySeed: Buffer;
}

/** Encrypts `doc` on its next `save()`. Call once, after the content is complete. */
export function encryptDeterministically(doc: PDFDocument, options: EncryptionOptions): void {
  doc.encrypt({
    userPassword: options.userPassword,
    ownerPassword: options.ownerPassword,
    permissions: { printing: 'highResolution', copying: true, contentAccessibility: true },
  });
  const derive = (label: string, length: number): Buffer =>
    createHmac('sha256', options.keySeed).update(label).digest().subarray(0, length);
  const fileKey = derive('file-key', 32);
  const user = passwordBytes(options.userPassword);
  const owner = passwordBytes(options.ownerPassword);

  const userSalts = Buffer.concat([derive('u-validation-salt', 8), derive('u-key-salt', 8)]);
  const u = Buffer.concat([r6Hash(user, userSalts.subarray(0, 8), Buffer.alloc(0)), userSalts]);
  const ue = aes256NoPadding(r6Hash(user, userSalts.subarray(8, 16), Buffer.alloc(0)), ZERO_IV, fileKey);
  const ownerSalts = Buffer.concat([derive('o-validation-salt', 8), derive('o-key-salt', 8)]);
  const o = Buffer.concat([r6Hash(owner, ownerSalts.subarray(0, 8), u), ownerSalts]);
  const oe = aes256NoPadding(r6Hash(owner, ownerSalts.subarray(8, 16), u), ZERO_IV, fileKey);

  const context = doc.context;
  const encryptDict = context.lookup(context.trailerInfo.Encrypt, PDFDict);
  const p = encryptDict.lookup(PDFName.of('P'), PDFNumber).asNumber();
  const permsPlain = Buffer.alloc(16);
  permsPlain.writeInt32LE(p, 0);
  permsPlain.writeUInt32LE(0xffffffff, 4);
  permsPlain.write('Tadb', 8, 'latin1');
  derive('perms-tail', 4).copy(permsPlain, 12);
  const perms = aes256NoPadding(fileKey, null, permsPlain);

  const hex = (bytes: Buffer) => PDFHexString.of(bytes.toString('hex'));
  encryptDict.set(PDFName.of('U'), hex(u));
  encryptDict.set(PDFName.of('UE'), hex(ue));
  encryptDict.set(PDFName.of('O'), hex(o));
  encryptDict.set(PDFName.of('OE'), hex(oe));
  encryptDict.set(PDFName.of('Perms'), hex(perms));
  const id = hex(derive('file-id', 16));
  context.trailerInfo.ID = context.obj([id, id]);

  // pdf-lib asks the security handler for one function per object and applies it to that
  // object's stream; IVs come from the object number and a counter, so no two coincide.
  const ivKey = derive('iv-key', 32);
  const security = {
    getEncryptFn(objectNumber: number, generation: number) {
      let calls = 0;
      return (data: Uint8Array): Uint8Array => {
        const iv = createHmac('sha256', ivKey).update(`${objectNumber}.${generation}.${calls++}`).digest().subarray(0, 16);
        const cipher = createCipheriv('aes-256-cbc', fileKey, iv);
        return Buffer.concat([iv, cipher.update(data), cipher.final()]);
      };
    },
  };
  context.security = security as unknown as PDFSecurity;
}
