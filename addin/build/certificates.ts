/**
 * The https certificate of the local server. Office on Windows and Mac only
 * trusts a certificate the user installed: when `npx office-addin-dev-certs
 * install` has put one in `~/.office-addin-dev-certs`, it is used. Otherwise
 * (the preview in a browser, the tests) a self-signed one is generated on
 * first run into `.certs/` (git-ignored) and reused until it expires.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface Certificate {
  key: string;
  cert: string;
  /** Where it came from, for the start-up message. */
  origin: 'office-addin-dev-certs' | 'local';
}

const validityDays = 365;

function officeDevCertificate(): Certificate | null {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  if (!existsSync(key) || !existsSync(cert)) return null;
  return {
    key: readFileSync(key, 'utf8'),
    cert: readFileSync(cert, 'utf8'),
    origin: 'office-addin-dev-certs',
  };
}

function stillValid(pem: string): boolean {
  try {
    const notAfter = forge.pki.certificateFromPem(pem).validity.notAfter;
    return notAfter.getTime() - Date.now() > 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** A self-signed certificate for localhost and 127.0.0.1. */
export function selfSignedCertificate(now = new Date()): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + validityDays * 24 * 3600 * 1000);
  const subject = [
    { name: 'commonName', value: 'localhost' },
    // UTF8String: forge's default PrintableString cannot hold «ç», and Chromium rejects the certificate.
    {
      name: 'organizationName',
      value: 'Passerelle (aperçu local)',
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return {
    key: forge.pki.privateKeyToPem(keys.privateKey),
    cert: forge.pki.certificateToPem(cert),
  };
}

export function localCertificate(projectRoot = process.cwd()): Certificate {
  const trusted = officeDevCertificate();
  if (trusted) return trusted;
  const dir = join(projectRoot, '.certs');
  const keyFile = join(dir, 'localhost.key');
  const certFile = join(dir, 'localhost.crt');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    if (stillValid(cert)) return { key: readFileSync(keyFile, 'utf8'), cert, origin: 'local' };
  }
  const fresh = selfSignedCertificate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, fresh.key, { mode: 0o600 });
  writeFileSync(certFile, fresh.cert);
  return { ...fresh, origin: 'local' };
}
