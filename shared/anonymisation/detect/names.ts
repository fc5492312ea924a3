/**
 * Person names. Evidence, strongest first: the caseload (names index), table
 * columns, context words (civilities, kinship, greetings, headers,
 * signatures), the first-name list, words in CAPITALS next to a name. A name
 * found once is then propagated to all its occurrences in the document.
 * Organisations named after people («école Jean Jaurès») are not persons.
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
  STRONG,
  WORD_NAME,
} from '../lexicon';
import type { NameEntry, NamesIndex } from '../names-index';
import type { Token } from '../tokens';
import { ScratchSlot, zeroedBytes } from '../scratch';
import type { RawFinding, Role } from '../types';
import { WEBMAIL, type LineInfo } from '../roles';
import type { TableCell } from './tables';

interface Mark {
  confidence: number;
  label: string;
  role?: Role;
  roleSure?: boolean;
  entries?: readonly NameEntry[];
  /** Introduced as a parent («sa mère Karima»). */
  parent?: boolean;
}

export interface NameContext {
  tokens: Token[];
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

/** Whether a word is in a lexicon class (bits computed once per word form by the tokenizer). */
function is(t: Token, bit: number): boolean {
  return (t.classes & bit) !== 0;
}

/** A capitalised word that may be part of a name in a strong context (civility, caseload…). */
function strongShaped(t: Token | undefined): boolean {
  return t !== undefined && (t.classes & STRONG) !== 0;
}

/** A word that may be part of a name by its shape alone: words-that-are-names need a capital mid-sentence. */
function nameShaped(t: Token | undefined): boolean {
  if (!strongShaped(t)) return false;
  return !is(t!, WORD_NAME) || t!.shape === 'upper' || !t!.sentenceStart;
}

export function detectNames(text: string, ctx: NameContext): NameResult {
  const { tokens, names } = ctx;
  // Lines by index, split once (searching newlines around each word would be quadratic).
  const lineTexts = ctx.lines.map((l) => l.text);
  const lineTextOf = (t: Token) => lineTexts[t.line] ?? '';
  const shouting = new Map<number, boolean>();
  const shoutingLine = (line: number) => {
    if (!shouting.has(line)) {
      const lineText = lineTexts[line] ?? '';
      // A lowercase ASCII letter settles it without extracting the letters (most lines).
      const letters = hasAsciiLower(lineText) ? '' : lineText.replace(NOT_LETTER, '');
      shouting.set(line, letters.length > 12 && letters === letters.toUpperCase());
    }
    return shouting.get(line)!;
  };
  const marks: Array<Mark | undefined> = new Array(tokens.length);
  const blocked = new Array<boolean>(tokens.length).fill(false);
  const schools: Array<{ start: number; end: number }> = [];
  // Whether the next token is on the same line, separated by spaces or a hyphen only
  // (computed once: the passes below ask it many times per token).
  const joined = zeroedBytes(ScratchSlot.Joined, tokens.length);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    const gap = b.start - a.end;
    if (a.line !== b.line || gap < 1 || gap > 2) continue;
    let ok = 1;
    for (let k = a.end; k < b.start; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 0xa0 && c !== 45) ok = 0;
    }
    joined[i] = ok;
  }
  const adjacent = (i: number) => joined[i] === 1;
  const mark = (i: number, m: Mark) => {
    if (blocked[i]) return;
    const old = marks[i];
    if (!old || m.confidence > old.confidence || (m.roleSure && !old.roleSure)) {
      // Spelled out rather than spread: one object shape for every mark keeps this hot path fast.
      marks[i] = {
        confidence: m.confidence,
        label: m.label,
        role: 'role' in m ? m.role : old?.role,
        roleSure: 'roleSure' in m ? m.roleSure : old?.roleSure,
        entries: m.entries ?? old?.entries,
        parent: 'parent' in m ? m.parent : old?.parent,
      };
    }
  };

  // Words taken by other detectors, and organisations named after people.
  const organisationNames = new Set<string>();
  tokens.forEach((t, i) => {
    if (ctx.taken(t.start)) blocked[i] = true;
    if (!is(t, ORGANISATION)) return;
    let j = i + 1;
    while (tokens[j] && ORGANISATION_QUALIFIERS.has(tokens[j]!.folded) && j - i <= 2) j++;
    const nameStart = j;
    while (
      tokens[j] &&
      (strongShaped(tokens[j]) || is(tokens[j]!, PARTICLE) || tokens[j]!.folded === 'les') &&
      adjacent(j - 1) &&
      j - i <= 4
    ) {
      blocked[j] = true;
      j++;
    }
    while (j > nameStart && (is(tokens[j - 1]!, PARTICLE) || tokens[j - 1]!.folded === 'les'))
      blocked[--j] = false;
    if (j > nameStart) {
      if (/^(ecole|college|lycee|groupe|maternelle|elementaire)$/.test(t.folded)) {
        organisationNames.add(
          tokens
            .slice(nameStart, j)
            .map((x) => x.folded)
            .join(' '),
        );
        schools.push({ start: t.start, end: tokens[j - 1]!.end });
      }
    }
  });
  // Bare mentions of those organisations later («CM1 à Georges Brassens»).
  const organisationHeads = new Set([...organisationNames].map((n) => n.split(' ')[0]));
  tokens.forEach((t, i) => {
    if (!organisationHeads.has(t.folded)) return;
    for (const n of [3, 2]) {
      const words = tokens.slice(i, i + n);
      if (words.length === n && organisationNames.has(words.map((x) => x.folded).join(' '))) {
        words.forEach((_, k) => (blocked[i + k] = true));
        schools.push({ start: t.start, end: words[n - 1]!.end });
      }
    }
  });

  // 1. The caseload.
  if (names) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (blocked[i] || t.folded.length < 2) continue;
      for (let n = Math.min(names.maxWords, 3); n >= 1; n--) {
        if (i + n > tokens.length) continue;
        let key = t.folded;
        let together = true;
        for (let k = 1; k < n && together; k++) {
          together = adjacent(i + k - 1);
          key += ` ${tokens[i + k]!.folded}`;
        }
        if (!together) continue;
        const entries = n === 1 && t.shape !== 'lower' ? names.lookupFuzzy(key) : names.lookup(key);
        if (!entries) continue;
        // Names that are also words («Rose», «Fontaine») need a capital outside a sentence start.
        if (n === 1 && is(t, NOT_NAME) && t.shape === 'lower') break;
        const ambiguous = n === 1 && is(t, WORD_NAME);
        if (ambiguous && (t.shape === 'lower' || (t.sentenceStart && !strongShaped(tokens[i + 1]))))
          break;
        if (n === 1 && t.shape === 'lower' && t.folded.length < 3) break;
        const professional = entries.every((e) => e.kind === 'professionnel');
        for (let k = 0; k < n; k++) {
          mark(i + k, {
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

  // 2. Table columns.
  // Cells and tokens are both sorted by offset: walk them together.
  let firstToken = 0;
  for (const cell of ctx.cells) {
    if (cell.kind !== 'personne' && cell.kind !== 'professionnel') continue;
    while (firstToken < tokens.length && tokens[firstToken]!.end <= cell.start) firstToken++;
    for (let i = firstToken; i < tokens.length && tokens[i]!.start < cell.end; i++) {
      const t = tokens[i]!;
      if (t.start < cell.start || t.end > cell.end) continue;
      if (is(t, CIVILITY) || is(t, NOT_NAME) || (is(t, WORD_NAME) && t.shape === 'lower')) continue;
      const professional = cell.kind === 'professionnel';
      mark(i, {
        confidence: 0.9,
        label: professional
          ? 'nom d’un professionnel (colonne du tableau)'
          : 'nom (colonne du tableau)',
        role: professional ? 'professionnel' : undefined,
        roleSure: professional,
      });
    }
  }

  // Lines written in lowercase (SMS): there a lowercase first name after a context word counts.
  const lowerLine = zeroedBytes(ScratchSlot.LowerLines, lineTexts.length);
  for (const t of tokens) lowerLine[t.line] = 1;
  for (const t of tokens) if (t.shape !== 'lower' && !t.sentenceStart) lowerLine[t.line] = 0;

  // 3. Context words before a name.
  const emailDocument = /^\s*(?:de|from|à|to|objet|subject)\s?:/im.test(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let next = i + 1;
    let label: string | undefined;
    let role: Role | undefined;
    let roleSure = false;
    let parent = false;
    const isCivility =
      is(t, CIVILITY) &&
      (t.folded !== 'm' || text.charAt(t.end) === '.') &&
      (t.folded !== 'me' || t.shape !== 'lower');
    if (isCivility) {
      label = 'nom après une civilité';
      const before = tokens[i - 1];
      const before2 = tokens[i - 2];
      if (before && is(before, PROFESSION)) [role, roleSure] = ['professionnel', true];
      else if (before && is(before, PUBLIC_OFFICE)) [role, roleSure] = ['public', true];
      else if (before && is(before, GREETING) && emailDocument) role = 'professionnel';
      else if (
        before2 &&
        is(before2, PROFESSION) &&
        /,\s*$/.test(text.slice(before2.end, t.start))
      ) {
        [role, roleSure] = ['professionnel', true];
      }
    } else if (is(t, KIN)) {
      label = 'nom d’un membre de la famille';
      role = 'beneficiaire';
      if (tokens[next] && /^(de|d)$/.test(tokens[next]!.folded) && tokens[next]!.line === t.line)
        next++;
      // «sa mère Karima» names a parent; «la maman de Rayane», a child.
      parent = is(t, PARENT_WORD) && next === i + 1;
    } else if (is(t, GREETING)) {
      label = 'nom dans une formule d’appel';
      if (emailDocument) role = 'professionnel';
    } else if (is(t, PROFESSION) || is(t, PUBLIC_OFFICE)) {
      const public_ = is(t, PUBLIC_OFFICE) && !is(t, PROFESSION);
      label = public_ ? 'nom d’une personnalité publique' : 'nom d’un professionnel';
      [role, roleSure] = [public_ ? 'public' : 'professionnel', true];
      if (tokens[next] && is(tokens[next]!, CIVILITY)) continue;
    } else if (
      is(t, PRESENTATION) &&
      (t.folded !== 'est' || /c['’]$/i.test(text.slice(t.start - 2, t.start)))
    ) {
      label = 'nom dans une présentation';
    } else continue;
    const n = tokens[next];
    if (!n || n.line !== t.line || blocked[next]) continue;
    const gap = text.slice(tokens[next - 1]!.end, n.start);
    if (!/^[\s.,:'’]{0,3}$/.test(gap) || (/[.,:]/.test(gap) && !isCivility)) continue;
    const lowerOk =
      n.shape === 'lower' &&
      lowerLine[n.line] === 1 &&
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
      adjacent(next) &&
      strongShaped(tokens[next + 1]);
    if (particleName) {
      mark(next, { confidence: 0.9, label, role, roleSure });
      mark(next + 1, { confidence: 0.9, label, role, roleSure });
      continue;
    }
    if (!((strongContext ? strongShaped(n) : nameShaped(n)) || lowerOk)) continue;
    if (!strongContext && !is(n, FIRST_NAME) && !marks[next] && n.shape !== 'upper') {
      // After «Bonjour» or a profession, an unknown capitalised word is a name only if a first name.
      if (label !== 'nom d’un professionnel' && label !== 'nom d’une personnalité publique')
        continue;
      if (!is(n, FIRST_NAME) && !nameShaped(tokens[next + 1])) continue;
    }
    if (is(n, CIVILITY)) continue;
    mark(next, {
      confidence: strongContext ? 0.9 : 0.8,
      label,
      role,
      roleSure,
      ...(parent ? { parent } : {}),
    });
  }

  // 4. Header lines (De :, À :) and signatures after a closing: professionals.
  const lineRoles = new Map<number, Mark>();
  const personalSender =
    /^\s*(?:de|from|exp[ée]diteur)\s?:.*$/im.test(text) &&
    WEBMAIL.test(/^\s*(?:de|from|exp[ée]diteur)\s?:.*$/im.exec(text)![0]);
  let closingLine = -10;
  let signatureDone = false;
  tokens.forEach((t, i) => {
    if (!t.sentenceStart || (i > 0 && tokens[i - 1]!.line === t.line)) return;
    const line = lineTextOf(t);
    if (ctx.lines[t.line]!.header) {
      // A personal mailbox in the header may be a family writing: professional, but not sure.
      lineRoles.set(t.line, {
        confidence: 0.85,
        label: 'nom dans l’en-tête du courriel',
        role: 'professionnel',
        roleSure: !WEBMAIL.test(line),
      });
      return;
    }
    if (ctx.lines[t.line]!.closing) {
      closingLine = t.line;
      signatureDone = false;
      return;
    }
    if (!signatureDone && t.line - closingLine <= 2 && t.line > closingLine) {
      // A short line of its own after a closing is a signature, whatever its case («shanthi»).
      const lineTokens = tokens.slice(i, i + 4).filter((x) => x.line === t.line);
      const shortLine =
        lineTokens.length <= 3 &&
        lineTokens.every(
          (x) => x.folded.length >= 2 && !is(x, NOT_NAME) && !is(x, PROFESSION) && !is(x, KIN),
        ) &&
        SIGNATURE_LINE.test(lineTextOf(t).trim());
      if (shortLine) {
        // A family writing from a personal mailbox signs too: only a professional's signature is kept.
        const sender =
          personalSender || t.shape === 'lower'
            ? {}
            : { role: 'professionnel' as const, roleSure: true };
        lineTokens.forEach((_, k) =>
          mark(i + k, { confidence: 0.8, label: 'nom dans une signature', ...sender }),
        );
        signatureDone = true;
        return;
      }
      if (
        nameShaped(t) &&
        (is(t, FIRST_NAME) || marks[i] || (nameShaped(tokens[i + 1]) && adjacent(i)))
      ) {
        lineRoles.set(t.line, {
          confidence: 0.85,
          label: 'nom dans une signature',
          role: 'professionnel',
          roleSure: true,
        });
        signatureDone = true;
      }
    }
  });
  tokens.forEach((t, i) => {
    const lineMark = lineRoles.get(t.line);
    if (!lineMark || blocked[i]) return;
    if (marks[i]?.role === 'beneficiaire' && marks[i]?.roleSure) return;
    const header = lineMark.label.includes('en-tête');
    if (header && text.slice(t.end, t.end + 3).includes('@')) return;
    if (
      header &&
      !(
        nameShaped(t) &&
        (is(t, FIRST_NAME) || marks[i] || t.shape === 'upper' || (adjacent(i - 1) && marks[i - 1]))
      )
    )
      return;
    const opensLine = i === 0 || tokens[i - 1]!.line !== t.line;
    const lowerName =
      t.shape === 'lower' &&
      lowerLine[t.line] === 1 &&
      opensLine &&
      is(t, FIRST_NAME) &&
      !is(t, NOT_NAME);
    if (!header && !lowerName && !(marks[i] || (nameShaped(t) && (opensLine || marks[i - 1]))))
      return;
    if (header && /^\s*(?:objet|subject)/i.test(lineTextOf(t))) return;
    mark(i, { ...lineMark, confidence: Math.max(lineMark.confidence, marks[i]?.confidence ?? 0) });
  });

  // 5. First-name list: capitalised first names, with a word-sense check at sentence starts.
  tokens.forEach((t, i) => {
    if (blocked[i] || marks[i] || !nameShaped(t) || !is(t, FIRST_NAME) || t.folded.length < 3)
      return;
    const nextIsName = adjacent(i) && nameShaped(tokens[i + 1]);
    if (t.sentenceStart && t.shape === 'title' && !nextIsName) {
      // «Merci», «Pour»… start sentences; a name at a sentence start is followed by a verb or a comma.
      const after = text.slice(t.end, t.end + 2);
      if (!/^[,:)]/.test(after) && !/^ \(/.test(after) && !/^\s*$/.test(after.slice(0, 1))) return;
      if (/^ [a-zé]/.test(after) && !tokens[i + 1]) return;
    }
    mark(i, { confidence: nextIsName ? 0.85 : 0.75, label: 'prénom' });
  });

  // 5b. A capitalised unknown word inside a sentence, after a lowercase word, is a proper noun:
  // a person unless it is a place or an organisation (checked against the lists and the context).
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (
      blocked[i] ||
      marks[i] ||
      t.shape !== 'title' ||
      t.sentenceStart ||
      !nameShaped(t) ||
      t.folded.length < 3
    )
      return;
    if (
      !prev ||
      prev.shape !== 'lower' ||
      prev.line !== t.line ||
      /^(?:a|au|aux|en|de|du|des|vers|sur|chez|pour|par|dans|entre|sous|ville|rue|quartier|grand|grande)$/.test(
        prev.folded,
      )
    )
      return;
    if (!/^ $/.test(text.slice(prev.end, t.start))) return;
    mark(i, { confidence: 0.55, label: 'nom propre inconnu' });
  });

  // 6. Words in CAPITALS next to a name («MEZIANE Karima», «Rayane MEZIANE»), or alone when long.
  tokens.forEach((t, i) => {
    if (blocked[i] || marks[i] || t.shape !== 'upper' || !nameShaped(t)) return;
    const shouting = shoutingLine(t.line);
    const nextTo = (adjacent(i) && marks[i + 1]) || (adjacent(i - 1) && marks[i - 1]);
    if (shouting && !nextTo && !is(t, FIRST_NAME)) return;
    if (!nextTo && t.folded.length < 5) return;
    mark(i, { confidence: nextTo ? 0.85 : 0.65, label: 'nom en capitales' });
  });

  // 7. Extend marked names over adjacent name-shaped words and particles («Dos Santos», «Le Gall»).
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < tokens.length; i++) {
      const m = marks[i];
      if (!m) continue;
      let j = i + 1;
      while (j < tokens.length && adjacent(j - 1) && !blocked[j] && j - i <= 3) {
        const w = tokens[j]!;
        if (marks[j]) break;
        if (is(w, PARTICLE) && strongShaped(tokens[j + 1]) && adjacent(j) && w.shape !== 'lower') {
          mark(j, m);
          j++;
          continue;
        }
        // In lowercase lines (SMS), a surname after a first name found in a strong context.
        const lowerSurname =
          w.shape === 'lower' &&
          lowerLine[w.line] === 1 &&
          m.confidence >= 0.85 &&
          w.folded.length >= 3 &&
          !is(w, NOT_NAME) &&
          !is(w, KIN) &&
          !is(w, WORD_NAME) &&
          (j === i + 1 || is(tokens[j - 1]!, PARTICLE));
        const lowerParticle =
          w.shape === 'lower' && lowerLine[w.line] === 1 && is(w, PARTICLE) && m.confidence >= 0.85;
        if (lowerParticle && j === i + 1) {
          mark(j, m);
          j++;
          continue;
        }
        const fits =
          lowerSurname ||
          (w.shape === 'upper'
            ? strongShaped(w)
            : nameShaped(w) &&
              (tokens[i]!.shape !== 'title' || is(tokens[i]!, FIRST_NAME) || m.confidence >= 0.85));
        if (!fits) break;
        mark(j, { ...m, confidence: m.confidence - 0.05 });
        j++;
      }
      const before = tokens[i - 1];
      if (
        before &&
        !marks[i - 1] &&
        !blocked[i - 1] &&
        adjacent(i - 1) &&
        before.shape === 'upper' &&
        strongShaped(before)
      ) {
        mark(i - 1, { ...m, confidence: m.confidence - 0.05 });
      }
    }
  }

  // 8. Propagation: every later or earlier occurrence of a found name token.
  const found = new Map<string, Mark>();
  marks.forEach((m, i) => {
    const t = tokens[i]!;
    if (!m || t.folded.length < 3 || is(t, PARTICLE)) return;
    const old = found.get(t.folded);
    if (
      !old ||
      (m.roleSure && !old.roleSure) ||
      (m.role === 'beneficiaire' && old.role !== 'beneficiaire' && !old.roleSure)
    ) {
      found.set(t.folded, m);
    }
  });
  tokens.forEach((t, i) => {
    if (marks[i] || blocked[i]) return;
    const m = found.get(t.folded);
    if (!m) return;
    if (is(t, NOT_NAME) || is(t, PROFESSION)) return;
    if (is(t, WORD_NAME)) {
      if (t.shape === 'lower') return;
      // Found as a name elsewhere in the text: a name here too, unless «Grâce à…».
      if (t.sentenceStart && GRACE_A.test(text.slice(t.end, t.end + 5))) return;
    }
    mark(i, { ...m, confidence: Math.min(m.confidence, 0.85), label: m.label });
  });

  // 9. Titles in apposition: «Richard Tessier, adjoint au maire», «la CPE, Mme Zeroual».
  const roleWord = (t: Token | undefined): Role | undefined =>
    !t
      ? undefined
      : is(t, PUBLIC_OFFICE) && !is(t, PROFESSION)
        ? 'public'
        : is(t, PROFESSION)
          ? 'professionnel'
          : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const m = marks[i];
    if (!m || m.roleSure || (marks[i - 1] && adjacent(i - 1))) continue;
    let j = i;
    while (marks[j + 1] && adjacent(j)) j++;
    const after = tokens[j + 1];
    let role =
      after && /^\s*[,(]\s*$/.test(text.slice(tokens[j]!.end, after.start))
        ? roleWord(after)
        : undefined;
    if (!role && /,\s*$/.test(text.slice(Math.max(0, tokens[i]!.start - 3), tokens[i]!.start))) {
      for (let k = i - 1; k >= Math.max(0, i - 7) && !role; k--) {
        if (
          tokens[k]!.line !== tokens[i]!.line ||
          /[.!?]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))
        )
          break;
        role = roleWord(tokens[k]);
      }
    }
    if (role) for (let k = i; k <= j; k++) marks[k] = { ...marks[k]!, role, roleSure: true };
    i = j;
  }

  // 10. Build one finding per run of adjacent marked words.
  const findings: RawFinding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = marks[i];
    if (!m) continue;
    let j = i;
    let best = m;
    while (marks[j + 1] && adjacent(j)) {
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
      start: tokens[i]!.start,
      end: tokens[j]!.end,
      type: 'PERSONNE',
      confidence: best.confidence,
      label: best.label,
    };
    // Assigned one by one rather than spread in: one finding per name found.
    if (best.role) finding.role = best.role;
    if (best.roleSure) finding.roleSure = true;
    Object.assign(finding, personOf(entries, i === j ? [tokens[i]!] : tokens.slice(i, j + 1)));
    if (parent) finding.personKind = 'responsable';
    findings.push(finding);
    i = j;
  }
  return { findings: withInitials(text, findings), schools };
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
  words: Token[],
): Pick<RawFinding, 'code' | 'personKey' | 'personKind'> {
  const key = words
    .map((w) => w.folded)
    .filter((w) => !PARTICLES.has(w))
    .join(' ');
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

// Regexes live at module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const NOT_LETTER = /[^\p{L}]/gu;
const SIGNATURE_LINE = /^[\p{L}\s'’.-]+$/u;
/** «Grâce à…» opens a sentence with a word that is also a first name. */
const GRACE_A = /^\s+(?:à|au|aux)(?![\p{L}])/u;
const TWO_INITIALS = /^\p{Lu}\.\s?\p{Lu}\./u;
const LONE_INITIAL = /(?<![\p{L}\d.'’])(\p{Lu})\.(?=[ \u00a0]+\p{Ll})/uy;
const INITIAL_BEFORE = /(?<![\p{L}\d])(\p{Lu})\.[ \u00a0]?$/u;

const INITIALS = /(?<![\p{L}\d.])(?:\p{Lu}\.[ \u00a0]?-?){2,3}(?![\p{L}\d])/uy;

/**
 * Matches of a sticky regex that starts with a capital and a full stop, tried
 * just before each «.»: the same matches as a global scan, without running a
 * lookbehind at every position of the text.
 */
function* matchesBeforeDots(text: string, sticky: RegExp): Generator<RegExpExecArray> {
  let next = 0;
  for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
    const before = text.charCodeAt(dot - 1);
    // A capital outside the basic plane takes two code units.
    const start = before >= 0xdc00 && before <= 0xdfff ? dot - 2 : dot - 1;
    if (start < next) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    next = start + m[0].length;
    yield m;
  }
}
const NOT_INITIALS =
  /^(?:N\.B\.|P\.S\.|P\.J\.|C\.R\.|R\.A\.S\.|S\.V\.P\.|E\.N\.|D\.D\.N\.|A\.E\.D\.|C\.M\.P\.)$/;

/** Initials («Z. M.», «Y. B. Y.») alone, or after a found first name («Kenzo D.S.»). */
function withInitials(text: string, findings: RawFinding[]): RawFinding[] {
  const out = [...findings];
  const byEnd = new Map(out.map((f) => [f.end, f]));
  const covered = zeroedBytes(ScratchSlot.Covered, text.length + 1);
  for (const f of out) covered.fill(1, f.start, f.end);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (covered[i]) return false;
    return true;
  };
  const add = (f: RawFinding) => {
    out.push(f);
    covered.fill(1, f.start, f.end);
    byEnd.set(f.end, f);
  };
  for (const m of matchesBeforeDots(text, INITIALS)) {
    const compact = m[0].replace(/[\s\u00a0-]/g, '');
    if (NOT_INITIALS.test(compact)) continue;
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    const prior = /^[ \u00a0]$/.test(text.charAt(start - 1)) ? byEnd.get(start - 1) : undefined;
    if (prior) {
      byEnd.delete(prior.end);
      covered.fill(1, prior.end, end);
      prior.end = end;
      byEnd.set(end, prior);
      continue;
    }
    if (!free(start, end)) continue;
    // «M. D.»: a civility then an initial is still a person; «M. Brun» is handled by civilities.
    add({ start, end, type: 'PERSONNE', confidence: 0.7, label: 'initiales' });
  }
  // The first initial alone once «Z. M.» is known: «Z. ne parle pas encore».
  const firstInitials = new Set(
    out
      .filter((f) => TWO_INITIALS.test(text.slice(f.start, f.end)))
      .map((f) => text.charAt(f.start)),
  );
  if (firstInitials.size) {
    for (const m of matchesBeforeDots(text, LONE_INITIAL)) {
      if (m[1] === 'M' || !firstInitials.has(m[1]!) || !free(m.index, m.index + 2)) continue;
      add({
        start: m.index,
        end: m.index + 2,
        type: 'PERSONNE',
        confidence: 0.6,
        label: 'initiale d’un nom déjà repéré',
      });
    }
  }
  // A single initial before a found surname: «L. Lacan» («M.» is a civility).
  for (const f of out) {
    // Only a full stop just before (or before one space) can end an initial: most findings skip the regex.
    const c = text.charCodeAt(f.start - 1);
    if (c !== 46 && !((c === 32 || c === 0xa0) && text.charCodeAt(f.start - 2) === 46)) continue;
    const head = INITIAL_BEFORE.exec(text.slice(Math.max(0, f.start - 4), f.start));
    if (head && head[1] !== 'M') f.start -= head[0].length;
  }
  return out.sort((a, b) => a.start - b.start);
}
