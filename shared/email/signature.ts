/**
 * The signature of a section and who it names: the closing formula
 * («Cordialement», «Bien à vous»…) or the sender's name on its own line marks
 * where it starts; its lines give the person, their role, institution, school
 * and phone. A signature phone belongs to the sender, never to a family.
 */
import { foldText, splitFullName, type SplitName } from '../parcours';
import type { MailAddress } from './message';

const CLOSING =
  /^(?:(?:bien|tr[èe]s|tr[èe]s bien|avec mes|mes|sinc[èe]res|meilleures|cordiales|respectueuses)\s+)*(?:cordialement|[àa] vous|amicalement|sinc[èe]rement|salutations|respectueusement|regards|best regards|kind regards|bav|merci(?: beaucoup| d'avance| par avance| [àa] vous)?|en vous remerciant(?: par avance| d'avance)?|bonne (?:journ[ée]e|soir[ée]e|semaine|fin de journ[ée]e)|belle journ[ée]e|--)[\s,.!]*$/i;
const PHONE = /(?:\+33\s?(?:\(0\)\s?)?|0033\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g;
export const INSTITUTION =
  /^(?:[ée]cole|groupe scolaire|coll[èe]ge|lyc[ée]e|centre|caf|caisse|mairie|ville|commune|association|asso|cmpp?|camsp|h[ôo]pital|ch|chu|service|direction|conseil|d[ée]partement|mds|maison|ccas|pmi|cias|ime|sessad|clinique|rased|circonscription|acad[ée]mie|inspection|mjc|club|p[ôo]le|espace|udaf|unit[ée]|programme|pre|dispositif|protection)(?![\p{L}])/iu;
const CONTACT =
  /@|https?:|www\.|\b(?:t[ée]l|fax|standard|mobile|portable|ligne directe)\b|\d{5}\s+\p{L}/iu;

export interface Signature {
  /** Offset of the signature in the clean text (first line after the closing formula). */
  start: number;
  end: number;
  /** Offset where the body before the closing formula ends. */
  bodyEnd: number;
  lines: Array<{ text: string; start: number }>;
}

export interface SenderIdentity {
  name?: SplitName;
  /** Role as written on the signature's role line («Directrice», «Animateur CLAS»). */
  role?: string;
  /** Institution lines, first one first («Caf du Gard»). */
  institutions: string[];
  /** Phones written in the signature (the sender's). */
  phones: string[];
  address?: string;
  /** Where the name and role were read, for provenance. */
  nameLine?: { text: string; start: number };
  roleLine?: { text: string; start: number };
}

function linesOf(text: string, start: number, end: number) {
  const out: Array<{ text: string; start: number }> = [];
  let at = start;
  for (const raw of text.slice(start, end).split('\n')) {
    out.push({ text: raw.trim(), start: at + (raw.length - raw.trimStart().length) });
    at += raw.length + 1;
  }
  return out;
}

function nameWords(name: string): string[] {
  return foldText(name.replace(/^(?:dr|docteur|m|mme|mr|madame|monsieur)\.?\s+/i, ''))
    .split(' ')
    .filter((w) => w.length > 1);
}

/** A line that names the sender: every word of their display name (either order). */
function namesSender(line: string, sender?: MailAddress): boolean {
  if (!sender?.name) return false;
  const want = nameWords(sender.name);
  if (want.length < 2) return false;
  const got = new Set(nameWords(line.split(/\s[–—-]\s|,/)[0] ?? ''));
  return want.every((w) => got.has(w));
}

/** A line that looks like a person's name: 2–4 capitalised words, no digits. */
export function looksLikeName(line: string): boolean {
  const clean = line.replace(/^(?:dr|docteur|m|mme|mr|madame|monsieur)\.?\s+/i, '');
  if (/\d|@|:/.test(clean) || INSTITUTION.test(clean)) return false;
  const words = clean.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every(
      (w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w) || /^(de|du|des|le|la|van|von|da|di|el|ben)$/i.test(w),
    )
  );
}

/** Finds the signature of the section `[start, end)`; undefined when there is none. */
export function findSignature(
  text: string,
  start: number,
  end: number,
  sender?: MailAddress,
): Signature | undefined {
  const lines = linesOf(text, start, end);
  // Non-empty lines from each index to the end, so the search stays linear.
  const after = new Array<number>(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) after[i] = after[i + 1]! + (lines[i]!.text ? 1 : 0);
  const filled = (from: number) => after[from] ?? 0;
  // A signature closes the message: look for its formula among the last lines only.
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 45); i--) {
    const line = lines[i]!;
    const tail = filled(i + 1);
    // A confidentiality notice may follow the signature: a longer tail is fine when a name opens it.
    const named = lines
      .slice(i + 1, i + 4)
      .some((l) => namesSender(l.text, sender) || looksLikeName(l.text));
    if (
      line.text.length < 60 &&
      CLOSING.test(line.text) &&
      tail >= 1 &&
      (tail <= 12 || (named && tail <= 30))
    ) {
      const rest = lines.slice(i + 1).filter((l) => l.text);
      return { start: rest[0]!.start, end, bodyEnd: line.start, lines: rest };
    }
  }
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const line = lines[i]!;
    if (
      namesSender(line.text, sender) ||
      (looksLikeName(line.text) && i > 0 && !lines[i - 1]!.text)
    ) {
      const rest = lines.slice(i).filter((l) => l.text);
      if (rest.length <= 8) return { start: line.start, end, bodyEnd: line.start, lines: rest };
    }
  }
  return undefined;
}

/** «directeur de l'école Jean Zay» → role «directeur», institution «école Jean Zay». */
const ROLE_INSTITUTION =
  /\s+(?:de l['’]|du |de la |des |à l['’]|au |à la )\s*((?:[ée]cole|coll[èe]ge|lyc[ée]e|groupe scolaire|centre|caf|mairie|ville|cmpp?|ccas|mds|pmi|service|association|maison|h[ôo]pital|conseil|d[ée]partement).*)$/iu;

/** Where a name line turns into a role: «Claire Roux – CPE», «Claire Roux, CPE», «Claire Roux (CPE)». */
const NAME_ROLE = /\s[–—-]\s|,\s|\s\(/;

function setRole(identity: SenderIdentity, raw: string, line: { text: string; start: number }) {
  const text = raw.replace(/\)\s*$/, '').replace(/^(?:l['’]|la |le )/i, '');
  const m = ROLE_INSTITUTION.exec(text);
  identity.role = (m ? text.slice(0, m.index) : text).trim();
  identity.roleLine = line;
  if (m) identity.institutions.push(m[1]!.trim());
}

/** Reads name, role, institutions and phones from a signature. */
export function readSignature(signature: Signature, sender?: MailAddress): SenderIdentity {
  const identity: SenderIdentity = { institutions: [], phones: [] };
  const lines = signature.lines;
  let nameIndex = lines.findIndex((l) => namesSender(l.text, sender));
  if (nameIndex < 0)
    nameIndex = lines.findIndex((l) => looksLikeName(l.text.split(NAME_ROLE)[0] ?? ''));
  if (nameIndex >= 0) {
    const line = lines[nameIndex]!;
    const [namePart, ...tail] = line.text.split(NAME_ROLE);
    identity.name = personName(namePart!);
    identity.nameLine = line;
    if (tail.length && !INSTITUTION.test(tail[0]!)) setRole(identity, tail[0]!, line);
  }
  for (let i = nameIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    for (const phone of line.text.match(PHONE) ?? []) identity.phones.push(phone);
    if (CONTACT.test(line.text)) {
      if (/\d{5}\s+\p{L}/u.test(line.text) && !identity.address) identity.address = line.text;
      continue;
    }
    if (!identity.role && i === nameIndex + 1 && !INSTITUTION.test(line.text)) {
      const [role, ...rest] = line.text.split(/\s[–—-]\s|,\s/);
      setRole(identity, role!, line);
      if (rest.length) identity.institutions.push(rest.join(' – '));
      continue;
    }
    if (line.text.length <= 120) identity.institutions.push(line.text);
  }
  return identity;
}

/** «TEISSIER Sandrine», «Dr Anne Martin», «Gilles Roumieux» → first and last name. */
export function personName(text: string): SplitName {
  const clean = text.replace(/^(?:dr|docteur|pr|m|mme|mlle|mr|madame|monsieur)\.?\s+/i, '').trim();
  return splitFullName(clean, 'prenom-nom');
}

/** Phones anywhere in a text, as written. */
export function phonesIn(text: string): Array<{ raw: string; index: number }> {
  return [...text.matchAll(PHONE)].map((m) => ({ raw: m[0], index: m.index }));
}
