/**
 * One message → the parcours drafts it proposes. A message is a referral when
 * it describes at least one child (a name with a child cue, see children.ts)
 * AND asks something of the PRE (orientation, saisine, a request for support,
 * the family's agreement to be contacted…); invitations (calendar parts) and
 * mailing-list messages never are. Every field carries its provenance.
 */
import {
  ParcoursDraftSchema,
  foldText,
  normalisePhone,
  type Guardian,
  type ParcoursDraft,
} from '../parcours';
import {
  findAge,
  findBirthDate,
  findGrade,
  findReferralDate,
  findSchool,
  schoolFromLine,
  type Found,
} from './attributes';
import { bodyText, splitSections, MAX_BODY_CHARS, type CleanBody, type TextSection } from './body';
import { tidyText } from './html-to-text';
import { findChildren, type ChildMention } from './children';
import { findGuardians, SENDER_PHONE, type GuardianFinding } from './guardians';
import type { MailAddress, MailMessage } from './message';
import { sameName, type PersonName } from './names';
import { parisDay } from './paris-time';
import { domainsOf, reasonClauses } from './reasons';
import {
  INSTITUTION,
  phonesIn,
  findSignature,
  personName,
  readSignature,
  type SenderIdentity,
  type Signature,
} from './signature';
import { decideSource, referrerText, roleFromBody } from './source';
import { clausesOf, sentencesOf, spanAt, type Span } from './text-spans';
import { dayOfWrittenDate } from './written-date';
import { describeAttachments, type AttachmentSummary } from './attachments';

export interface FieldProvenance {
  /** The sentence (or header, signature line) the value was read from. */
  excerpt: string;
  /** Offsets of the excerpt in `Extraction.text`; absent when it came from a header. */
  start?: number;
  end?: number;
  /** Where it was read. */
  origin: 'texte' | 'signature' | 'en-tête';
  /** 0–1: how sure the reading is (1 = written as a labelled field). */
  confidence: number;
}

export interface DraftWithProvenance {
  draft: ParcoursDraft;
  /** Dictionary key («child.birthDate», «guardians.0.phone») → provenance. */
  provenance: Record<string, FieldProvenance>;
}

export interface Extraction {
  /** The clean text every offset refers to. */
  text: string;
  sections: TextSection[];
  /** The section the referral was read from (a forwarded one for a forward). */
  referralSection?: number;
  drafts: DraftWithProvenance[];
  /** Why no draft was proposed, in French (absent when there are drafts). */
  noDraftReason?: string;
  attachments: AttachmentSummary[];
}

/** What a referral asks of the PRE: orientation, a request for support, the family's agreement… */
const REQUEST =
  /\b(orient\w*|saisine|saisir|sollicit\w*|signal\w*|reperage|reperee?s?|demande (d |de |un |une )?(accompagnement|aide|soutien|orientation|prise en charge|inscription|rendez vous)|demande(nt)? (un|de l|d un) (soutien|aide|accompagnement)|besoin d (aide|un accompagnement|un soutien|etre aide\w*|etre accompagne\w*|conseils)|besoin de (soutien|conseils)|souhaite(nt)? etre (aide|accompagne)\w*|prise en charge|prendre en charge|d accord pour|accord de la famille|pourriez vous|pouvez vous|serait il possible|(presenter|etudier|examiner) (sa|la|cette|leur) situation|en eps|a l eps|pour l eps|il s agit d|voici les elements|accompagnement (du|par le|au|avec le) pre|beneficier (du|d un) (pre|accompagnement|soutien)|vous adresse|vous transmets|fiche de (reperage|saisine|liaison))\b/;
/** A newsletter or mass mailing says how to unsubscribe. */
const BULK_TEXT =
  /\b(se desinscrire|desinscri\w*|unsubscribe|newsletter|ne pas repondre a ce (message|courriel))\b/;
/** Meetings and minutes name children without referring them: only an explicit orientation makes them referrals. */
const MEETING =
  /\b(ordre du jour|invitation|convocation|compte rendu|releve de decisions|vous inviter)\b/;
const ORIENTATION = /\b(orient\w*|saisine|saisir|sollicit\w*|signal\w*|fiche de reperage)\b/;
const FAMILY_WRITES =
  /\b(mon fils|ma fille|mes enfants|mon enfant|notre fils|notre fille|nos enfants|je suis (la|le) (maman|mere|papa|pere))\b/;

function prov(
  text: string,
  span: Span | { start: number; end: number },
  confidence: number,
  origin: FieldProvenance['origin'] = 'texte',
): FieldProvenance {
  return {
    excerpt: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    origin,
    confidence,
  };
}

function sentenceProv(
  text: string,
  sentences: Span[],
  found: { start: number; end: number },
  confidence: number,
  origin: FieldProvenance['origin'] = 'texte',
) {
  return prov(text, spanAt(sentences, found.start) ?? found, confidence, origin);
}

function addressName(address?: MailAddress): PersonName | undefined {
  // «Ecole Jean Zay <ce.0301245h@…>», «PRE Avignon»: a mailbox, not a person.
  if (!address?.name || INSTITUTION.test(address.name.trim())) return undefined;
  const split = personName(address.name);
  // «Dupont Marie» <marie.dupont@…>: the address tells which word is the first name.
  const parts = (address.address.split('@')[0] ?? '').split(/[._-]+/).map(foldText);
  if (
    split.firstName &&
    split.lastName &&
    parts.length >= 2 &&
    foldText(split.firstName) === parts[parts.length - 1] &&
    foldText(split.lastName) === parts[0]
  )
    return { firstName: split.lastName, lastName: split.firstName };
  return split;
}

interface Referrer {
  sender?: MailAddress;
  identity?: SenderIdentity;
  signature?: Signature;
}

function childSections(
  text: string,
  sections: TextSection[],
  subject: string,
  message: MailMessage,
) {
  const candidates = sections.filter(
    (s, i) =>
      i === 0 ||
      s.kind === 'forwarded' ||
      s.kind === 'attachment' ||
      (s.kind === 'quoted' && /^\s*(tr|fwd?)\s*:/i.test(subject)),
  );
  const own = sections[0]!;
  const ownSignature = findSignature(text, own.start, own.end, message.from);
  return candidates.map((section) => {
    // An attached form is signed by the message's sender: its signature is the message's.
    if (section.kind === 'attachment') {
      const sentences = sentencesOf(text, section.start, section.end);
      return {
        section,
        sender: message.from,
        signature: ownSignature,
        bodyEnd: section.end,
        sentences,
      };
    }
    const sender = section.kind === 'message' ? message.from : section.header?.from;
    const signature = findSignature(text, section.start, section.end, sender);
    const bodyEnd = signature?.bodyEnd ?? section.end;
    const sentences = sentencesOf(text, section.start, bodyEnd);
    return { section, sender, signature, bodyEnd, sentences };
  });
}

export function extractReferrals(message: MailMessage): Extraction {
  const body = splitSections(bodyText(message), message.subject);
  const attachments = describeAttachments(message.attachments);
  const { text, sections } = withForms(body, attachments);
  const base = { text, sections, attachments };
  if (message.calendar)
    return {
      ...base,
      drafts: [],
      noDraftReason: 'invitation à une réunion (agenda) : ce n’est pas une saisine.',
    };
  if (message.bulk)
    return {
      ...base,
      drafts: [],
      noDraftReason:
        'message de liste de diffusion (lettre d’information) : ce n’est pas une saisine.',
    };

  const recipients = [...message.to, ...message.cc]
    .map(addressName)
    .filter((n): n is PersonName => !!n);
  for (const candidate of childSections(text, sections, message.subject, message)) {
    const { section, sender, signature, bodyEnd, sentences } = candidate;
    const identity = signature ? readSignature(signature, sender) : undefined;
    const excluded = [
      addressName(sender),
      identity?.name,
      ...recipients,
      ...sections.map((s) => addressName(s.header?.from)),
    ].filter((n): n is PersonName => !!n);
    const subject = section.kind === 'message' ? message.subject : (section.header?.subject ?? '');
    const children = findChildren(text, sentences, { excluded, subject });
    if (!children.length) continue;
    const requestText = ` ${foldText(`${message.subject}\n${text}`)} `;
    if (BULK_TEXT.test(requestText)) {
      return {
        ...base,
        drafts: [],
        noDraftReason: 'lettre d’information ou envoi en nombre : ce n’est pas une saisine.',
      };
    }
    if (MEETING.test(requestText) && !ORIENTATION.test(requestText)) {
      return {
        ...base,
        drafts: [],
        noDraftReason:
          'invitation ou compte rendu de réunion : les enfants nommés n’y sont pas orientés.',
      };
    }
    if (!REQUEST.test(requestText)) {
      return {
        ...base,
        drafts: [],
        noDraftReason:
          'des enfants sont nommés mais le message ne demande ni orientation ni accompagnement.',
      };
    }
    const referrer: Referrer = {
      ...(sender ? { sender } : {}),
      ...(identity ? { identity } : {}),
      ...(signature ? { signature } : {}),
    };
    const index = sections.indexOf(section);
    return {
      ...base,
      referralSection: index,
      drafts: buildDrafts(message, text, section, bodyEnd, sentences, children, referrer),
    };
  }
  return {
    ...base,
    drafts: [],
    noDraftReason: 'aucun enfant n’est décrit dans le message : ce n’est pas une saisine.',
  };
}

function buildDrafts(
  message: MailMessage,
  text: string,
  section: TextSection,
  bodyEnd: number,
  sentences: Span[],
  children: ChildMention[],
  referrer: Referrer,
): DraftWithProvenance[] {
  const { sender, signature } = referrer;
  const subject =
    section.kind === 'message' ? message.subject : (section.header?.subject ?? message.subject);
  const identity = withBodyRole(referrer.identity, text, sentences);
  const bodyFolded = ` ${foldText(text.slice(section.start, bodyEnd))} `;
  // A parent may sign «Maman de Lucas»: that role is no professional's.
  const parentRole = /^(maman|papa|m[èe]re|p[èe]re|parent)/i.test(identity?.role ?? '');
  const familyWrites = FAMILY_WRITES.test(bodyFolded) && (!identity?.role || parentRole);
  const excluded = [addressName(sender), identity?.name].filter((n): n is PersonName => !!n);
  const guardians = findGuardians(text, sentences, {
    excluded: familyWrites ? [] : excluded,
    children,
    signatureStart: signature && signature.start >= section.start ? signature.start : section.end,
  });
  if (familyWrites && sender)
    addSenderAsGuardian(guardians, sender, identity, bodyFolded, sentences);

  const shared: Record<string, FieldProvenance> = {};
  const referral: NonNullable<ParcoursDraft['referral']> = {};
  const stated = findReferralDate(text, section.start, section.end);
  const headerDay = section.header?.date ? dayOfWrittenDate(section.header.date) : undefined;
  const messageDay = message.date ? senderDay(message.date) : undefined;
  if (stated) {
    referral.date = stated.value;
    shared['referral.date'] = sentenceProv(text, sentences, stated, 0.95);
  } else if (headerDay) {
    referral.date = headerDay;
    shared['referral.date'] = {
      excerpt: section.header!.date!,
      origin: 'en-tête',
      confidence: 0.9,
    };
  } else if (messageDay) {
    referral.date = messageDay;
    shared['referral.date'] = { excerpt: message.date!, origin: 'en-tête', confidence: 0.9 };
  }
  const source = decideSource(sender?.address ?? '', identity, familyWrites);
  if (source) {
    referral.source = source.source;
    shared['referral.source'] = {
      excerpt: source.basis,
      origin: source.basis.includes('.') && !source.basis.includes(' ') ? 'en-tête' : 'signature',
      confidence: source.confidence,
    };
  }
  if (!familyWrites) {
    const name =
      identity?.name?.firstName || identity?.name?.lastName ? identity.name : addressName(sender);
    const who = referrerText(name?.firstName, name?.lastName, identity?.role);
    if (who) {
      referral.referrer = who;
      const line = identity?.roleLine ?? identity?.nameLine;
      shared['referral.referrer'] = line
        ? {
            excerpt: line.text,
            start: line.start,
            end: line.start + line.text.length,
            origin: 'signature',
            confidence: identity?.role ? 0.85 : 0.6,
          }
        : { excerpt: sender?.name ?? '', origin: 'en-tête', confidence: 0.5 };
    }
  }
  const signatureSchool = identity?.institutions.map(schoolFromLine).find(Boolean);
  const clauses = sentences.flatMap(clausesOf);
  const firstNames = children.map((c) => foldText(c.firstName ?? ''));

  return children.map((child, i) => {
    const provenance: Record<string, FieldProvenance> = { ...shared };
    const own = segmentOf(children, i, sentences, section.start, bodyEnd);
    const single = children.length === 1;
    const lookup = <T>(find: (from: number, to: number) => Found<T> | undefined) =>
      find(own.start, own.end) ?? (single ? find(section.start, bodyEnd) : undefined);
    const draftChild: ParcoursDraft['child'] = {};
    if (child.lastName) draftChild.lastName = child.lastName;
    if (child.firstName) draftChild.firstName = child.firstName;
    provenance['child.firstName'] = prov(text, child.sentence, child.confidence);
    if (child.lastName) provenance['child.lastName'] = prov(text, child.sentence, child.confidence);
    const notAfter = messageDay;
    const birth = lookup((f, t) => findBirthDate(text, f, t, notAfter));
    if (birth) {
      draftChild.birthDate = birth.value;
      provenance['child.birthDate'] = sentenceProv(text, sentences, birth, 0.9);
      const born = text.slice(birth.start, birth.end);
      const sex = /n[ée]e\b/i.test(born) ? 'F' : /\bn[ée]\s+le/i.test(born) ? 'M' : undefined;
      if (sex) {
        draftChild.sex = sex;
        provenance['child.sex'] = sentenceProv(text, sentences, birth, 0.7);
      }
    } else {
      const age = lookup((f, t) => findAge(text, f, t));
      if (age) {
        draftChild.age = age.value;
        provenance['child.age'] = sentenceProv(text, sentences, age, 0.8);
      }
    }
    const grade = lookup((f, t) => findGrade(text, f, t));
    // The subject may carry what the body leaves out («Saisine – élève de CE2 (école Jean Zay)»).
    const subjectGrade = single && !grade ? findGrade(subject, 0, subject.length) : undefined;
    const gradeFound = grade ?? subjectGrade;
    if (gradeFound) {
      const where: FieldProvenance = grade
        ? sentenceProv(text, sentences, grade, 0.85)
        : { excerpt: subject, origin: 'en-tête', confidence: 0.6 };
      draftChild.grade = gradeFound.value.grade;
      provenance['child.grade'] = where;
      if (gradeFound.value.programme) {
        draftChild.schoolProgramme = gradeFound.value.programme;
        provenance['child.schoolProgramme'] = where;
      }
    }
    const school = lookup((f, t) => findSchool(text, f, t));
    const subjectSchool = single && !school ? findSchool(subject, 0, subject.length) : undefined;
    if (school) {
      draftChild.school = school.value;
      provenance['child.school'] = sentenceProv(text, sentences, school, 0.8);
    } else if (subjectSchool) {
      draftChild.school = subjectSchool.value;
      provenance['child.school'] = { excerpt: subject, origin: 'en-tête', confidence: 0.6 };
    } else if (single && signatureSchool && schoolFitsGrade(signatureSchool, draftChild.grade)) {
      draftChild.school = signatureSchool;
      const line = identity!.institutions.find((l) => schoolFromLine(l) === signatureSchool)!;
      provenance['child.school'] = { excerpt: line, origin: 'signature', confidence: 0.6 };
    }
    const mine = reasonClauses(clauses).filter((c) => {
      const folded = ` ${foldText(c.text)} `;
      const named = firstNames.filter((n) => n && folded.includes(` ${n} `));
      return named.length === 0 || named.includes(firstNames[i]!);
    });
    const draft: ParcoursDraft = { child: draftChild, referral: { ...referral } };
    if (mine.length) {
      draft.referral!.reasons = mine
        .map((c) =>
          c.text
            .replace(/^(motif|difficult[ée]s|probl[ée]matique)\s*:\s*/i, '')
            .replace(/[.;,]?$/, '.'),
        )
        .join(' ');
      provenance['referral.reasons'] = prov(
        text,
        { start: mine[0]!.start, end: mine[mine.length - 1]!.end },
        0.7,
      );
      const domains = domainsOf(mine.map((c) => c.text).join(' '));
      if (domains.length) {
        draft.domains = domains;
        provenance['domains'] = prov(
          text,
          { start: mine[0]!.start, end: mine[mine.length - 1]!.end },
          0.6,
        );
      }
    }
    if (guardians.length) {
      draft.guardians = guardians.map((g) => ({ ...g.guardian }));
      guardians.forEach((g, gi) => {
        for (const [key, p] of Object.entries(g.provenance)) {
          if (p)
            provenance[`guardians.${gi}.${key}`] =
              p.start >= 0
                ? sentenceProv(text, sentences, p, p.confidence)
                : { excerpt: sender?.address ?? '', origin: 'en-tête', confidence: p.confidence };
        }
      });
    }
    return { draft: valid(draft, provenance), provenance };
  });
}

/**
 * The day the sender wrote on: the Date header's own day when it states the sender's offset
 * (a Réunion school writes +0400), the Paris day when the time is in UTC (servers, .msg).
 */
function senderDay(iso: string): string | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})T[\d:.]+[+-](?!00:00)\d{2}:\d{2}$/.exec(iso);
  return local ? local[1] : parisDay(iso);
}

/** The sender's own school is the child's only if it teaches the child's grade (a collège has no CM2). */
function schoolFitsGrade(school: string, grade: ParcoursDraft['child']['grade']): boolean {
  if (!grade || grade === 'hors_scolarite') return true;
  const level = /^(TPS|PS|MS|GS|CP|CE1|CE2|CM1|CM2)$/.test(grade)
    ? 'ecole'
    : /^[3-6]e$/.test(grade)
      ? 'college'
      : 'lycee';
  const kind = foldText(school).split(' ')[0];
  return kind === 'groupe' || kind === level;
}

/** The text of attached .docx forms, appended as sections after the body (read when the body names no child). */
function withForms(body: CleanBody, attachments: AttachmentSummary[]): CleanBody {
  let text = body.text;
  const sections = [...body.sections];
  for (const form of attachments) {
    if (!form.text) continue;
    const chunk = tidyText(form.text.slice(0, MAX_BODY_CHARS));
    if (!chunk) continue;
    text += '\n\n';
    sections.push({
      kind: 'attachment',
      start: text.length,
      end: text.length + chunk.length,
      header: { subject: form.name },
    });
    text += chunk;
  }
  return { text, sections };
}

/** A sender who signs without a role may state it in the body («En tant qu’enseignante de CM1, …»). */
function withBodyRole(
  identity: SenderIdentity | undefined,
  text: string,
  sentences: Span[],
): SenderIdentity | undefined {
  if (identity?.role) return identity;
  for (const sentence of sentences) {
    const found = roleFromBody(sentence.text);
    if (!found) continue;
    const start = sentence.start + found.index;
    return {
      institutions: [],
      phones: [],
      ...identity,
      role: found.role,
      roleLine: { text: text.slice(start, start + found.role.length), start },
    };
  }
  return identity;
}

/** The text that speaks of child `i`: from their sentence (or their own mention) to the next child's mention. */
function segmentOf(
  children: ChildMention[],
  i: number,
  sentences: Span[],
  start: number,
  end: number,
) {
  const child = children[i]!;
  const previous = children[i - 1];
  const next = children.slice(i + 1).find((c) => c.start > child.start);
  const sentence = spanAt(sentences, child.start) ?? child.sentence;
  // The first child of a sentence owns what precedes their name («un élève de CP, Titouan ROUX»);
  // a later one only what follows it.
  const from =
    previous && previous.start >= sentence.start && previous.start < child.start
      ? child.start
      : Math.max(start, sentence.start);
  return { start: from, end: next ? next.start : end };
}

function addSenderAsGuardian(
  guardians: GuardianFinding[],
  sender: MailAddress,
  identity: SenderIdentity | undefined,
  folded: string,
  sentences: Span[],
) {
  const name = identity?.name ?? personName(sender.name);
  const role = foldText(identity?.role ?? '');
  const relation =
    /\b(je suis (la )?(maman|mere))\b/.test(folded) || /^(maman|mere)\b/.test(role)
      ? 'mere'
      : /\b(je suis (le )?(papa|pere))\b/.test(folded) || /^(papa|pere)\b/.test(role)
        ? 'pere'
        : undefined;
  const existing = guardians.find(
    (g) =>
      sameName(g.guardian.lastName, name.lastName) &&
      (!g.guardian.firstName || sameName(g.guardian.firstName, name.firstName)),
  );
  const target: GuardianFinding = existing ?? { guardian: {}, provenance: {} };
  if (!existing) guardians.unshift(target);
  const g: Guardian = target.guardian;
  if (name.lastName && !g.lastName) g.lastName = name.lastName;
  if (name.firstName && !g.firstName) g.firstName = name.firstName;
  if (relation && !g.relation) g.relation = relation;
  if (sender.address && !g.email) {
    g.email = sender.address;
    target.provenance.email = { start: -1, end: -1, confidence: 0.9 };
  }
  // A parent's own number («vous pouvez me joindre au…», or under their name) is the guardian's.
  const own = sentences.find((s) => SENDER_PHONE.test(s.text) && phonesIn(s.text).length);
  const raw = own ? phonesIn(own.text)[0]!.raw : identity?.phones[0];
  const phone = raw ? normalisePhone(raw) : undefined;
  if (phone?.ok && !g.phone) {
    g.phone = phone.value;
    target.provenance.phone = own
      ? { start: own.start, end: own.end, confidence: 0.85 }
      : { start: -1, end: -1, confidence: 0.7 };
  }
}

/** Keeps only what the dictionary accepts: a field the schema refuses is dropped, never the draft. */
function valid(draft: ParcoursDraft, provenance: Record<string, FieldProvenance>): ParcoursDraft {
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = ParcoursDraftSchema.safeParse(draft);
    if (result.success) return result.data;
    const path = result.error.issues[0]!.path.map(String);
    let target: Record<string, unknown> = draft as Record<string, unknown>;
    for (const key of path.slice(0, -1)) target = (target[key] as Record<string, unknown>) ?? {};
    delete target[path[path.length - 1]!];
    delete provenance[path.join('.')];
  }
  return draft;
}
