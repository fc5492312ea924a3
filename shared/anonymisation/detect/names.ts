/**
 * Person names. Evidence, strongest first: the caseload (names index), table
 * columns, context words (civilities, kinship, greetings, headers,
 * signatures), the first-name list, words in CAPITALS next to a name. A name
 * found once is then propagated to all its occurrences in the document.
 * Organisations named after people («école Jean Jaurès») are not persons.
 * Each numbered pass below marks words on a shared `NameMarks`; runs of
 * marked words become findings.
 */
import {
  CIVILITY,
  FIRST_NAME,
  GREETING,
  KIN,
  NOT_NAME,
  ORGANISATION,
  PARENT_WORD,
  PARTICLE,
  PARTICLES,
  PRESENTATION,
  PROFESSION,
  PUBLIC_OFFICE,
  WORD_NAME,
} from '../lexicon';
import type { NameEntry, NamesIndex } from '../names-index';
import type { WordForm, Words } from '../tokens';
import { ScratchSlot, zeroedBytes } from '../scratch';
import type { RawFinding, Role } from '../types';
import { WEBMAIL, type LineInfo } from '../roles';
import { withInitials } from './initials';
import { NameMarks, is, strongShaped, type Mark } from './name-marks';
import type { TableCell } from './tables';

export interface NameContext {
  words: Words;
  names?: NamesIndex;
  /** Ranges already taken by other detectors (e-mails, addresses…). */
  taken: (start: number) => boolean;
  cells: TableCell[];
  /** The text's lines (`text.split('\n')`), described once per scan. */
  lines: readonly LineInfo[];
}

export interface NameResult {
  findings: RawFinding[];
  /** Organisation names seen after «école», «collège»…: ETABLISSEMENT candidates. */
  schools: Array<{ start: number; end: number }>;
}

// Regexes live at module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const NOT_LETTER = /[^\p{L}]/gu;
const SIGNATURE_LINE = /^[\p{L}\s'’.-]+$/u;
/** «Grâce à…» opens a sentence with a word that is also a first name. */
const GRACE_A = /^\s+(?:à|au|aux)(?![\p{L}])/u;
const SENDER_LINE = /^\s*(?:de|from|exp[ée]diteur)\s?:.*$/im;
const EMAIL_HEADER = /^\s*(?:de|from|à|to|objet|subject)\s?:/im;
const SCHOOL_WORD = /^(ecole|college|lycee|groupe|maternelle|elementaire)$/;

const ORGANISATION_QUALIFIERS = new Set(
  'social sociale culturel culturelle municipal municipale communal communale sportif sportive associatif familial familiale scolaire maternelle elementaire primaire privee prive intercommunal medico'.split(
    ' ',
  ),
);

function hasAsciiLower(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

export function detectNames(text: string, ctx: NameContext): NameResult {
  const state = new NameMarks(text, ctx.words, ctx.lines);
  const schools = blockOrganisations(state, ctx.taken);
  if (ctx.names) markCaseload(state, ctx.names);
  markTableCells(state, ctx.cells);
  markLowerLines(state);
  markContextWords(state);
  markHeadersAndSignatures(state);
  markFirstNames(state);
  markProperNouns(state);
  markCapitals(state);
  extendNames(state);
  propagate(state);
  rolesFromTitles(state);
  return { findings: withInitials(text, buildFindings(state)), schools };
}

/** Folded words `from` to `to` (excluded), joined by spaces. */
function foldedRun(state: NameMarks, from: number, to: number): string {
  let key = state.words.form[from]!.folded;
  for (let k = from + 1; k < to; k++) key += ` ${state.words.form[k]!.folded}`;
  return key;
}

/** Words taken by other detectors, and organisations named after people, later mentions included. */
function blockOrganisations(
  state: NameMarks,
  taken: (start: number) => boolean,
): Array<{ start: number; end: number }> {
  const { count, blocked } = state;
  const { start, end, form } = state.words;
  const schools: Array<{ start: number; end: number }> = [];
  const organisationNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (taken(start[i]!)) blocked[i] = 1;
    if (!is(form[i]!, ORGANISATION)) continue;
    let j = i + 1;
    while (j < count && ORGANISATION_QUALIFIERS.has(form[j]!.folded) && j - i <= 2) j++;
    const nameStart = j;
    while (
      j < count &&
      (strongShaped(form[j]) || is(form[j]!, PARTICLE) || form[j]!.folded === 'les') &&
      state.adjacent(j - 1) &&
      j - i <= 4
    ) {
      blocked[j] = 1;
      j++;
    }
    while (j > nameStart && (is(form[j - 1]!, PARTICLE) || form[j - 1]!.folded === 'les'))
      blocked[--j] = 0;
    if (j > nameStart && SCHOOL_WORD.test(form[i]!.folded)) {
      organisationNames.add(foldedRun(state, nameStart, j));
      schools.push({ start: start[i]!, end: end[j - 1]! });
    }
  }
  if (!organisationNames.size) return schools;
  // Bare mentions of those organisations later («CM1 à Georges Brassens»).
  const organisationHeads = new Set([...organisationNames].map((n) => n.split(' ')[0]));
  for (let i = 0; i < count; i++) {
    if (!organisationHeads.has(form[i]!.folded)) continue;
    for (const n of [3, 2]) {
      if (i + n <= count && organisationNames.has(foldedRun(state, i, i + n))) {
        for (let k = 0; k < n; k++) blocked[i + k] = 1;
        schools.push({ start: start[i]!, end: end[i + n - 1]! });
      }
    }
  }
  return schools;
}

/** 1. The caseload. */
function markCaseload(state: NameMarks, names: NamesIndex): void {
  const { count } = state;
  const { form, sentenceStart } = state.words;
  for (let i = 0; i < count; i++) {
    const t = form[i]!;
    if (state.isBlocked(i) || t.folded.length < 2) continue;
    for (let n = Math.min(names.maxWords, 3); n >= 1; n--) {
      if (i + n > count) continue;
      let key = t.folded;
      let together = true;
      for (let k = 1; k < n && together; k++) {
        together = state.adjacent(i + k - 1);
        key += ` ${form[i + k]!.folded}`;
      }
      if (!together) continue;
      const entries = n === 1 && t.shape !== 'lower' ? names.lookupFuzzy(key) : names.lookup(key);
      if (!entries) continue;
      // Names that are also words («Rose», «Fontaine») need a capital outside a sentence start.
      if (n === 1 && is(t, NOT_NAME) && t.shape === 'lower') break;
      const ambiguous = n === 1 && is(t, WORD_NAME);
      if (
        ambiguous &&
        (t.shape === 'lower' || (sentenceStart[i] === 1 && !strongShaped(state.form(i + 1))))
      )
        break;
      if (n === 1 && t.shape === 'lower' && t.folded.length < 3) break;
      const professional = entries.every((e) => e.kind === 'professionnel');
      for (let k = 0; k < n; k++) {
        state.mark(i + k, {
          confidence: 0.97,
          label: professional ? 'nom d’un professionnel connu' : labelFor(entries),
          role: professional ? 'professionnel' : 'beneficiaire',
          roleSure: true,
          entries,
        });
      }
      i += n - 1;
      break;
    }
  }
}

/** 2. Table columns of names. */
function markTableCells(state: NameMarks, cells: readonly TableCell[]): void {
  const { count } = state;
  const { start, end, form } = state.words;
  // Cells and words are both sorted by offset: walk them together.
  let first = 0;
  for (const cell of cells) {
    if (cell.kind !== 'personne' && cell.kind !== 'professionnel') continue;
    while (first < count && end[first]! <= cell.start) first++;
    for (let i = first; i < count && start[i]! < cell.end; i++) {
      const t = form[i]!;
      if (start[i]! < cell.start || end[i]! > cell.end) continue;
      if (is(t, CIVILITY) || is(t, NOT_NAME) || (is(t, WORD_NAME) && t.shape === 'lower')) continue;
      const professional = cell.kind === 'professionnel';
      state.mark(i, {
        confidence: 0.9,
        label: professional
          ? 'nom d’un professionnel (colonne du tableau)'
          : 'nom (colonne du tableau)',
        role: professional ? 'professionnel' : undefined,
        roleSure: professional,
      });
    }
  }
}

/** Lines written in lowercase (SMS): there a lowercase first name after a context word counts. */
function markLowerLines(state: NameMarks): void {
  const { count } = state;
  const { line, form, sentenceStart } = state.words;
  const lowerLine = zeroedBytes(ScratchSlot.LowerLines, state.lines.length);
  for (let i = 0; i < count; i++) lowerLine[line[i]!] = 1;
  for (let i = 0; i < count; i++)
    if (form[i]!.shape !== 'lower' && sentenceStart[i] === 0) lowerLine[line[i]!] = 0;
  state.lowerLine = lowerLine;
}

/** Lexicon classes that may introduce a name. */
const CONTEXT_WORDS = CIVILITY | KIN | GREETING | PROFESSION | PUBLIC_OFFICE | PRESENTATION;

/** 3. Context words before a name: civilities, kinship, greetings, professions, presentations. */
function markContextWords(state: NameMarks): void {
  const { text, count, lowerLine } = state;
  const { start, end, line, form } = state.words;
  const emailDocument = EMAIL_HEADER.test(text);
  for (let i = 0; i < count; i++) {
    const t = form[i]!;
    // Most words are no context word: skip them before any other work.
    if (!is(t, CONTEXT_WORDS)) continue;
    let next = i + 1;
    let label: string | undefined;
    let role: Role | undefined;
    let roleSure = false;
    let parent = false;
    const isCivility =
      is(t, CIVILITY) &&
      (t.folded !== 'm' || text.charAt(end[i]!) === '.') &&
      (t.folded !== 'me' || t.shape !== 'lower');
    if (isCivility) {
      label = 'nom après une civilité';
      const before = state.form(i - 1);
      const before2 = state.form(i - 2);
      if (before && is(before, PROFESSION)) [role, roleSure] = ['professionnel', true];
      else if (before && is(before, PUBLIC_OFFICE)) [role, roleSure] = ['public', true];
      else if (before && is(before, GREETING) && emailDocument) role = 'professionnel';
      else if (
        before2 &&
        is(before2, PROFESSION) &&
        /,\s*$/.test(text.slice(end[i - 2]!, start[i]!))
      ) {
        [role, roleSure] = ['professionnel', true];
      }
    } else if (is(t, KIN)) {
      label = 'nom d’un membre de la famille';
      role = 'beneficiaire';
      if (next < count && /^(de|d)$/.test(form[next]!.folded) && line[next] === line[i]) next++;
      // «sa mère Karima» names a parent; «la maman de Rayane», a child.
      parent = is(t, PARENT_WORD) && next === i + 1;
    } else if (is(t, GREETING)) {
      label = 'nom dans une formule d’appel';
      if (emailDocument) role = 'professionnel';
    } else if (is(t, PROFESSION) || is(t, PUBLIC_OFFICE)) {
      const public_ = is(t, PUBLIC_OFFICE) && !is(t, PROFESSION);
      label = public_ ? 'nom d’une personnalité publique' : 'nom d’un professionnel';
      [role, roleSure] = [public_ ? 'public' : 'professionnel', true];
      if (next < count && is(form[next]!, CIVILITY)) continue;
    } else if (
      is(t, PRESENTATION) &&
      (t.folded !== 'est' || /c['’]$/i.test(text.slice(start[i]! - 2, start[i]!)))
    ) {
      label = 'nom dans une présentation';
    } else continue;
    if (next >= count || line[next] !== line[i] || state.isBlocked(next)) continue;
    const n = form[next]!;
    const gap = text.slice(end[next - 1]!, start[next]!);
    if (!/^[\s.,:'’]{0,3}$/.test(gap) || (/[.,:]/.test(gap) && !isCivility)) continue;
    const lowerOk =
      n.shape === 'lower' &&
      lowerLine[line[next]!] === 1 &&
      (is(n, FIRST_NAME) || isCivility) &&
      !is(n, KIN) &&
      !is(n, NOT_NAME) &&
      !is(n, WORD_NAME) &&
      n.folded.length >= 3;
    const strongContext = isCivility || label === 'nom d’un membre de la famille';
    // «M. Le Gall», «Mme Dos Santos»: a capitalised particle opens the name.
    const particleName =
      strongContext &&
      n.shape !== 'lower' &&
      is(n, PARTICLE) &&
      state.adjacent(next) &&
      strongShaped(state.form(next + 1));
    if (particleName) {
      state.mark(next, { confidence: 0.9, label, role, roleSure });
      state.mark(next + 1, { confidence: 0.9, label, role, roleSure });
      continue;
    }
    if (!((strongContext ? strongShaped(n) : state.nameShaped(next)) || lowerOk)) continue;
    if (!strongContext && !is(n, FIRST_NAME) && !state.marks[next] && n.shape !== 'upper') {
      // After «Bonjour» or a profession, an unknown capitalised word is a name only if a first name.
      if (label !== 'nom d’un professionnel' && label !== 'nom d’une personnalité publique')
        continue;
      if (!is(n, FIRST_NAME) && !state.nameShaped(next + 1)) continue;
    }
    if (is(n, CIVILITY)) continue;
    state.mark(next, {
      confidence: strongContext ? 0.9 : 0.8,
      label,
      role,
      roleSure,
      ...(parent ? { parent } : {}),
    });
  }
}

/** 4. Header lines (De :, À :) and signatures after a closing: professionals. */
function markHeadersAndSignatures(state: NameMarks): void {
  const { text, count, lines, marks, lowerLine } = state;
  const { end, line, form, sentenceStart } = state.words;
  const lineRoles = new Map<number, Mark>();
  const sender = SENDER_LINE.exec(text);
  const personalSender = sender !== null && WEBMAIL.test(sender[0]);
  let closingLine = -10;
  let signatureDone = false;
  for (let i = 0; i < count; i++) {
    const lineIndex = line[i]!;
    if (sentenceStart[i] === 0 || (i > 0 && line[i - 1] === lineIndex)) continue;
    const t = form[i]!;
    const lineText = state.lineText(i);
    if (lines[lineIndex]!.header) {
      // A personal mailbox in the header may be a family writing: professional, but not sure.
      lineRoles.set(lineIndex, {
        confidence: 0.85,
        label: 'nom dans l’en-tête du courriel',
        role: 'professionnel',
        roleSure: !WEBMAIL.test(lineText),
      });
      continue;
    }
    if (lines[lineIndex]!.closing) {
      closingLine = lineIndex;
      signatureDone = false;
      continue;
    }
    if (!signatureDone && lineIndex - closingLine <= 2 && lineIndex > closingLine) {
      // A short line of its own after a closing is a signature, whatever its case («shanthi»).
      let lineWords = 0;
      while (lineWords < 4 && i + lineWords < count && line[i + lineWords] === lineIndex)
        lineWords++;
      let plainWords = true;
      for (let k = i; k < i + lineWords; k++) {
        const x = form[k]!;
        if (x.folded.length < 2 || is(x, NOT_NAME) || is(x, PROFESSION) || is(x, KIN))
          plainWords = false;
      }
      const shortLine = lineWords <= 3 && plainWords && SIGNATURE_LINE.test(lineText.trim());
      if (shortLine) {
        // A family writing from a personal mailbox signs too: only a professional's signature is kept.
        const signer =
          personalSender || t.shape === 'lower'
            ? {}
            : { role: 'professionnel' as const, roleSure: true };
        for (let k = 0; k < lineWords; k++)
          state.mark(i + k, { confidence: 0.8, label: 'nom dans une signature', ...signer });
        signatureDone = true;
        continue;
      }
      if (
        state.nameShaped(i) &&
        (is(t, FIRST_NAME) || marks[i] || (state.nameShaped(i + 1) && state.adjacent(i)))
      ) {
        lineRoles.set(lineIndex, {
          confidence: 0.85,
          label: 'nom dans une signature',
          role: 'professionnel',
          roleSure: true,
        });
        signatureDone = true;
      }
    }
  }
  if (!lineRoles.size) return;
  for (let i = 0; i < count; i++) {
    const lineMark = lineRoles.get(line[i]!);
    if (!lineMark || state.isBlocked(i)) continue;
    if (marks[i]?.role === 'beneficiaire' && marks[i]?.roleSure) continue;
    const t = form[i]!;
    const header = lineMark.label.includes('en-tête');
    if (header && text.slice(end[i]!, end[i]! + 3).includes('@')) continue;
    if (
      header &&
      !(
        state.nameShaped(i) &&
        (is(t, FIRST_NAME) ||
          marks[i] ||
          t.shape === 'upper' ||
          (state.adjacent(i - 1) && marks[i - 1]))
      )
    )
      continue;
    const opensLine = i === 0 || line[i - 1] !== line[i];
    const lowerName =
      t.shape === 'lower' &&
      lowerLine[line[i]!] === 1 &&
      opensLine &&
      is(t, FIRST_NAME) &&
      !is(t, NOT_NAME);
    if (
      !header &&
      !lowerName &&
      !(marks[i] || (state.nameShaped(i) && (opensLine || marks[i - 1])))
    )
      continue;
    if (header && /^\s*(?:objet|subject)/i.test(state.lineText(i))) continue;
    state.mark(i, {
      ...lineMark,
      confidence: Math.max(lineMark.confidence, marks[i]?.confidence ?? 0),
    });
  }
}

/** 5. First-name list: capitalised first names, with a word-sense check at sentence starts. */
function markFirstNames(state: NameMarks): void {
  const { text, count, marks } = state;
  const { end, form, sentenceStart } = state.words;
  for (let i = 0; i < count; i++) {
    const t = form[i]!;
    if (
      !is(t, FIRST_NAME) ||
      state.isBlocked(i) ||
      marks[i] ||
      !state.nameShaped(i) ||
      t.folded.length < 3
    )
      continue;
    const nextIsName = state.adjacent(i) && state.nameShaped(i + 1);
    if (sentenceStart[i] === 1 && t.shape === 'title' && !nextIsName) {
      // «Merci», «Pour»… start sentences; a name at a sentence start is followed by a verb or a comma.
      const after = text.slice(end[i]!, end[i]! + 2);
      if (!/^[,:)]/.test(after) && !/^ \(/.test(after) && !/^\s*$/.test(after.slice(0, 1)))
        continue;
      if (/^ [a-zé]/.test(after) && i + 1 >= count) continue;
    }
    state.mark(i, { confidence: nextIsName ? 0.85 : 0.75, label: 'prénom' });
  }
}

const NOT_BEFORE_PROPER_NOUN =
  /^(?:a|au|aux|en|de|du|des|vers|sur|chez|pour|par|dans|entre|sous|ville|rue|quartier|grand|grande)$/;

/**
 * 5b. A capitalised unknown word inside a sentence, after a lowercase word, is a proper noun:
 * a person unless it is a place or an organisation (checked against the lists and the context).
 */
function markProperNouns(state: NameMarks): void {
  const { text, count, marks } = state;
  const { start, end, line, form, sentenceStart } = state.words;
  for (let i = 1; i < count; i++) {
    const t = form[i]!;
    if (
      t.shape !== 'title' ||
      sentenceStart[i] === 1 ||
      state.isBlocked(i) ||
      marks[i] ||
      !state.nameShaped(i) ||
      t.folded.length < 3
    )
      continue;
    const prev = form[i - 1]!;
    if (
      prev.shape !== 'lower' ||
      line[i - 1] !== line[i] ||
      NOT_BEFORE_PROPER_NOUN.test(prev.folded)
    )
      continue;
    if (start[i]! - end[i - 1]! !== 1 || text.charCodeAt(end[i - 1]!) !== 32) continue;
    state.mark(i, { confidence: 0.55, label: 'nom propre inconnu' });
  }
}

/** 6. Words in CAPITALS next to a name («MEZIANE Karima», «Rayane MEZIANE»), or alone when long. */
function markCapitals(state: NameMarks): void {
  const { count, marks } = state;
  const { line, form } = state.words;
  const shouting = new Map<number, boolean>();
  for (let i = 0; i < count; i++) {
    const t = form[i]!;
    if (t.shape !== 'upper' || state.isBlocked(i) || marks[i] || !state.nameShaped(i)) continue;
    let shoutingLine = shouting.get(line[i]!);
    if (shoutingLine === undefined) {
      const lineText = state.lineText(i);
      // A lowercase ASCII letter settles it without extracting the letters (most lines).
      const letters = hasAsciiLower(lineText) ? '' : lineText.replace(NOT_LETTER, '');
      shoutingLine = letters.length > 12 && letters === letters.toUpperCase();
      shouting.set(line[i]!, shoutingLine);
    }
    const nextTo = (state.adjacent(i) && marks[i + 1]) || (state.adjacent(i - 1) && marks[i - 1]);
    if (shoutingLine && !nextTo && !is(t, FIRST_NAME)) continue;
    if (!nextTo && t.folded.length < 5) continue;
    state.mark(i, { confidence: nextTo ? 0.85 : 0.65, label: 'nom en capitales' });
  }
}

/** 7. Extend marked names over adjacent name-shaped words and particles («Dos Santos», «Le Gall»). */
function extendNames(state: NameMarks): void {
  const { count, marks, lowerLine } = state;
  const { line, form } = state.words;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < count; i++) {
      const m = marks[i];
      if (!m) continue;
      let j = i + 1;
      while (j < count && state.adjacent(j - 1) && !state.isBlocked(j) && j - i <= 3) {
        const w = form[j]!;
        if (marks[j]) break;
        if (
          is(w, PARTICLE) &&
          strongShaped(state.form(j + 1)) &&
          state.adjacent(j) &&
          w.shape !== 'lower'
        ) {
          state.mark(j, m);
          j++;
          continue;
        }
        // In lowercase lines (SMS), a surname after a first name found in a strong context.
        const lowerSurname =
          w.shape === 'lower' &&
          lowerLine[line[j]!] === 1 &&
          m.confidence >= 0.85 &&
          w.folded.length >= 3 &&
          !is(w, NOT_NAME) &&
          !is(w, KIN) &&
          !is(w, WORD_NAME) &&
          (j === i + 1 || is(form[j - 1]!, PARTICLE));
        const lowerParticle =
          w.shape === 'lower' &&
          lowerLine[line[j]!] === 1 &&
          is(w, PARTICLE) &&
          m.confidence >= 0.85;
        if (lowerParticle && j === i + 1) {
          state.mark(j, m);
          j++;
          continue;
        }
        const first = form[i]!;
        const fits =
          lowerSurname ||
          (w.shape === 'upper'
            ? strongShaped(w)
            : state.nameShaped(j) &&
              (first.shape !== 'title' || is(first, FIRST_NAME) || m.confidence >= 0.85));
        if (!fits) break;
        state.mark(j, { ...m, confidence: m.confidence - 0.05 });
        j++;
      }
      const before = state.form(i - 1);
      if (
        before &&
        !marks[i - 1] &&
        !state.isBlocked(i - 1) &&
        state.adjacent(i - 1) &&
        before.shape === 'upper' &&
        strongShaped(before)
      ) {
        state.mark(i - 1, { ...m, confidence: m.confidence - 0.05 });
      }
    }
  }
}

/** 8. Propagation: every later or earlier occurrence of a found name word. */
function propagate(state: NameMarks): void {
  const { text, count, marks } = state;
  const { end, form, sentenceStart } = state.words;
  const found = new Map<string, Mark>();
  for (let i = 0; i < count; i++) {
    const m = marks[i];
    const t = form[i]!;
    if (!m || t.folded.length < 3 || is(t, PARTICLE)) continue;
    const old = found.get(t.folded);
    if (
      !old ||
      (m.roleSure && !old.roleSure) ||
      (m.role === 'beneficiaire' && old.role !== 'beneficiaire' && !old.roleSure)
    ) {
      found.set(t.folded, m);
    }
  }
  if (!found.size) return;
  for (let i = 0; i < count; i++) {
    const t = form[i]!;
    if (marks[i] || state.isBlocked(i) || t.folded.length < 3) continue;
    const m = found.get(t.folded);
    if (!m) continue;
    if (is(t, NOT_NAME) || is(t, PROFESSION)) continue;
    if (is(t, WORD_NAME)) {
      if (t.shape === 'lower') continue;
      // Found as a name elsewhere in the text: a name here too, unless «Grâce à…».
      if (sentenceStart[i] === 1 && GRACE_A.test(text.slice(end[i]!, end[i]! + 5))) continue;
    }
    state.mark(i, { ...m, confidence: Math.min(m.confidence, 0.85), label: m.label });
  }
}

/** The role a title word gives the name next to it. */
function roleWord(form: WordForm | undefined): Role | undefined {
  if (!form) return undefined;
  if (is(form, PUBLIC_OFFICE) && !is(form, PROFESSION)) return 'public';
  return is(form, PROFESSION) ? 'professionnel' : undefined;
}

/** 9. Titles in apposition: «Richard Tessier, adjoint au maire», «la CPE, Mme Zeroual». */
function rolesFromTitles(state: NameMarks): void {
  const { text, count, marks } = state;
  const { start, end, line } = state.words;
  for (let i = 0; i < count; i++) {
    const m = marks[i];
    if (!m || m.roleSure || (marks[i - 1] && state.adjacent(i - 1))) continue;
    let j = i;
    while (marks[j + 1] && state.adjacent(j)) j++;
    let role =
      j + 1 < count && /^\s*[,(]\s*$/.test(text.slice(end[j]!, start[j + 1]!))
        ? roleWord(state.form(j + 1))
        : undefined;
    if (!role && /,\s*$/.test(text.slice(Math.max(0, start[i]! - 3), start[i]!))) {
      for (let k = i - 1; k >= Math.max(0, i - 7) && !role; k--) {
        if (line[k] !== line[i] || /[.!?]/.test(text.slice(end[k]!, start[k + 1]!))) break;
        role = roleWord(state.form(k));
      }
    }
    if (role) for (let k = i; k <= j; k++) marks[k] = { ...marks[k]!, role, roleSure: true };
    i = j;
  }
}

/** 10. One finding per run of adjacent marked words. */
function buildFindings(state: NameMarks): RawFinding[] {
  const { count, marks } = state;
  const { start, end } = state.words;
  const findings: RawFinding[] = [];
  for (let i = 0; i < count; i++) {
    const m = marks[i];
    if (!m) continue;
    let j = i;
    let best = m;
    while (marks[j + 1] && state.adjacent(j)) {
      j++;
      const mj = marks[j]!;
      if ((mj.roleSure && !best.roleSure) || mj.confidence > best.confidence)
        best = { ...mj, entries: mj.entries ?? best.entries };
    }
    const run = i === j ? [m] : marks.slice(i, j + 1);
    const entries = combineEntries(run);
    // Someone introduced as a parent and unknown to the caseload is labelled as a parent.
    const parent = !entries && run.some((x) => x?.parent);
    const finding: RawFinding = {
      start: start[i]!,
      end: end[j]!,
      type: 'PERSONNE',
      confidence: best.confidence,
      label: best.label,
    };
    // Assigned one by one rather than spread in: one finding per name found.
    if (best.role) finding.role = best.role;
    if (best.roleSure) finding.roleSure = true;
    Object.assign(finding, personOf(entries, personKeyOf(state, i, j + 1)));
    if (parent) finding.personKind = 'responsable';
    findings.push(finding);
    i = j;
  }
  return findings;
}

/** The folded words of a name without its particles: who it is inside the text. */
function personKeyOf(state: NameMarks, from: number, to: number): string {
  let key: string | undefined;
  for (let k = from; k < to; k++) {
    const folded = state.words.form[k]!.folded;
    if (PARTICLES.has(folded)) continue;
    key = key === undefined ? folded : `${key} ${folded}`;
  }
  return key ?? '';
}

function labelFor(entries: readonly NameEntry[]): string {
  if (entries.some((e) => e.kind === 'enfant' && e.part !== 'any')) {
    return entries.every((e) => e.kind === 'enfant')
      ? 'nom d’un enfant suivi'
      : 'nom d’une famille suivie';
  }
  if (entries.some((e) => e.kind === 'responsable')) return 'nom d’un parent d’enfant suivi';
  return 'nom connu de la file active';
}

/** The entries every word of a name agrees on (the same person), else the first word's. */
function combineEntries(marks: Array<Mark | undefined>): readonly NameEntry[] | undefined {
  const lists = marks.map((m) => m?.entries).filter((l): l is readonly NameEntry[] => !!l);
  if (!lists.length) return undefined;
  const common = lists[0]!.filter((e) =>
    lists.every((l) => l.some((x) => x.personKey === e.personKey)),
  );
  return common.length ? common : lists[0];
}

function personOf(
  entries: readonly NameEntry[] | undefined,
  key: string,
): Pick<RawFinding, 'code' | 'personKey' | 'personKind'> {
  if (!entries?.length) return { personKey: key };
  // Prefer the child when a surname is shared by the child and a parent.
  const e =
    entries.find((x) => x.kind === 'enfant' && x.part === 'first') ??
    entries.find((x) => x.kind !== 'professionnel' && x.part === 'first') ??
    entries[0]!;
  const sameFamilyOnly = entries.every((x) => x.code === e.code);
  const surnameOnly = entries.every((x) => x.part === 'last');
  return {
    ...(e.code ? { code: e.code } : {}),
    personKey: surnameOnly ? `famille ${e.code ?? key}` : e.personKey,
    ...(e.kind !== 'professionnel' && !surnameOnly && sameFamilyOnly ? { personKind: e.kind } : {}),
  };
}
