/**
 * What makes a filled document fit to leave the team: identifying document
 * properties and review comments removed, then the text of the WHOLE package
 * (body, headers, footers, notes, properties…) searched for the caseload's
 * children and guardians, and handed to the anonymisation scanner when one is
 * given. Findings name the parcours code and the part, never the name itself
 * (messages may end up in logs).
 */
import type PizZip from 'pizzip';
import { namesIndexFromPeople, scan } from '../anonymisation';
import { foldText, type EpsSession, type KnownPerson, type ParcoursDraft } from '../parcours';
import { partLabel } from './package';
import { looseXmlText, partText } from './part-text';

export interface PrivacyFinding {
  type: string;
  /** What was found. For caseload names: the parcours code and which name, not the name. */
  text: string;
  /** French explanation. */
  reason: string;
}

/** Properties that name the people who wrote or edited the file. */
const IDENTIFYING_PROPERTIES = ['dc:creator', 'cp:lastModifiedBy', 'Manager'];

export function stripIdentifyingProperties(zip: PizZip): void {
  for (const part of ['docProps/core.xml', 'docProps/app.xml']) {
    const xml = zip.file(part)?.asText();
    if (xml === undefined) continue;
    let cleaned = xml;
    for (const element of IDENTIFYING_PROPERTIES) {
      cleaned = cleaned.replace(
        new RegExp(`<${element}(\\s[^>]*)?>[^<]*</${element}>`, 'g'),
        `<${element}$1></${element}>`,
      );
    }
    if (cleaned !== xml) zip.file(part, cleaned);
  }
}

const COMMENT_PART = /^word\/(?:comments[A-Za-z]*|people)\.xml$/;

/** Review comments are the authors' notes, not the minutes: the shared version drops them. */
export function removeComments(zip: PizZip): void {
  const removed = Object.keys(zip.files).filter((name) => COMMENT_PART.test(name));
  if (!removed.length) return;
  for (const name of removed) zip.remove(name);
  const rels = zip.file('word/_rels/document.xml.rels')?.asText();
  if (rels) {
    zip.file(
      'word/_rels/document.xml.rels',
      rels.replace(/<Relationship\s[^>]*Target="(?:comments[A-Za-z]*|people)\.xml"[^>]*\/>/g, ''),
    );
  }
  const types = zip.file('[Content_Types].xml')?.asText();
  if (types) {
    zip.file(
      '[Content_Types].xml',
      types.replace(
        /<Override\s[^>]*PartName="\/word\/(?:comments[A-Za-z]*|people)\.xml"[^>]*\/>/g,
        '',
      ),
    );
  }
  for (const name of Object.keys(zip.files).filter((n) => /^word\/[^/]+\.xml$/.test(n))) {
    const xml = zip.file(name)?.asText();
    if (!xml || !xml.includes('w:comment')) continue;
    zip.file(
      name,
      xml
        .replace(/<w:commentRange(?:Start|End)\b[^>]*\/>/g, '')
        .replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<w:commentReference\b[^>]*\/>\s*<\/w:r>/g, '')
        .replace(/<w:commentReference\b[^>]*\/>/g, ''),
    );
  }
}

export interface PackageText {
  part: string;
  text: string;
}

/** Readable text of every XML part of the package: paragraphs for Word parts, plain text elsewhere. */
export function packageText(zip: PizZip): PackageText[] {
  return Object.keys(zip.files)
    .filter((name) => !zip.files[name]!.dir && /\.(?:xml|rels)$/i.test(name))
    .map((part) => {
      const xml = zip.file(part)!.asText();
      const text = /^word\/[^/]+\.xml$/.test(part)
        ? partText(xml).paragraphs.join('\n')
        : looseXmlText(xml);
      return { part, text };
    });
}

interface GuardedName {
  code: string;
  which: string;
  folded: string;
}

/** Every name of a child or guardian of the caseload, with the words of compound last names. */
function guardedNames(caseload: readonly ParcoursDraft[]): GuardedName[] {
  const names: GuardedName[] = [];
  const add = (code: string, which: string, name: string | undefined, splitWords: boolean) => {
    if (!name) return;
    const folded = foldText(name);
    if (folded) names.push({ code, which, folded });
    if (splitWords) {
      for (const word of folded.split(' ')) {
        if (word.length > 2 && word !== folded) names.push({ code, which, folded: word });
      }
    }
  };
  for (const record of caseload) {
    const code = record.code ?? 'sans code';
    add(code, 'prénom de l’enfant', record.child.firstName, false);
    add(code, 'nom de l’enfant', record.child.lastName, true);
    for (const guardian of record.guardians ?? []) {
      add(code, 'prénom d’un responsable', guardian.firstName, false);
      add(code, 'nom d’un responsable', guardian.lastName, true);
    }
  }
  return names;
}

/** Caseload names found as whole words (accents, case and punctuation ignored) anywhere in the package. */
export function findCaseloadNames(
  texts: readonly PackageText[],
  caseload: readonly ParcoursDraft[],
): PrivacyFinding[] {
  const names = guardedNames(caseload);
  if (!names.length) return [];
  const findings = new Map<string, PrivacyFinding>();
  for (const { part, text } of texts) {
    const folded = ` ${foldText(text)} `;
    for (const name of names) {
      if (!folded.includes(` ${name.folded} `)) continue;
      const what = `${name.which} ${name.code}`;
      findings.set(`${what}|${part}`, {
        type: 'nom_file_active',
        text: what,
        reason: `${what} apparaît dans ${partLabel(part)}`,
      });
    }
  }
  return [...findings.values()];
}

/** Parts a reader sees: body, headers, footers, notes, and the document's properties. */
const READABLE_PART =
  /^(?:word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml|docProps\/(?:core|app|custom)\.xml)$/;

/**
 * The anonymisation core's verdict on the readable text: a direct identifier
 * (name, phone, NIR, address…) not tied to a professional blocks the shared version. Reasons
 * name the kind and the parcours code, never the value.
 */
export function scanForIdentifiers(
  texts: readonly PackageText[],
  caseload: readonly ParcoursDraft[],
  session: EpsSession,
): PrivacyFinding[] {
  const people: KnownPerson[] = caseload.flatMap((record) => {
    const code = record.code ?? 'sans code';
    return [
      { code, kind: 'enfant' as const, ...record.child },
      ...(record.guardians ?? []).map((g) => ({ code, kind: 'responsable' as const, ...g })),
    ].filter((p) => p.firstName || p.lastName);
  });
  // The session says who the professionals are: the chair, members, excused, référents.
  const professionals = [
    session.chair,
    ...session.members.map((m) => m.name),
    ...session.apologies.map((m) => m.name),
    ...session.situations.map((s) => s.referent),
  ].filter((name): name is string => !!name);
  const names = namesIndexFromPeople(people, { professionals });
  const findings: PrivacyFinding[] = [];
  for (const { part, text } of texts) {
    if (!READABLE_PART.test(part)) continue;
    for (const f of scan(text, { names }).findings) {
      // Caseload names are reported by findCaseloadNames. A contact the scanner cannot
      // tie to a professional blocks too: in a text of codes no family is named, so the
      // scanner presumes an institution, and a family's phone must not slip through.
      if (!f.direct || f.code || f.role === 'professionnel' || f.role === 'public') continue;
      if (f.type === 'PERSONNE' && f.role !== 'beneficiaire') continue;
      findings.push({
        type: f.type,
        text: f.code ?? f.type,
        reason: `${f.label}${f.code ? ` (${f.code})` : ''} — ${part}`,
      });
    }
  }
  return findings;
}
