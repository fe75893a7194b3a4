// Decodes a QR code with jsQR, a decoder independent of the ZXing the service draws with.
// Usage: node qr-decode.mjs image.rgba width height  (raw RGBA bytes, row by row)  ->  prints the decoded text
// or exits with 1 when jsQR finds no code.
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';

const [file, width, height] = process.argv.slice(2);
const rgba = new Uint8ClampedArray(readFileSync(file));
const code = jsQR(rgba, Number(width), Number(height), { inversionAttempts: 'dontInvert' });
if (!code) {
  process.stderr.write('jsQR found no QR code\n');
  process.exit(1);
}
process.stdout.write(code.data);
