/**
 * Lists a template's tags and checks them against the dictionary before any
 * filling: unknown tags, tags outside their loop, loops left open or closed in
 * the wrong order, stray braces, and what docxtemplater itself refuses (a loop
 * opened in a table row and closed outside it). Every problem names the tag
 * and quotes the paragraph around it.
 */
import Docxtemplater from 'docxtemplater';
import type PizZip from 'pizzip';
import { openTemplate, partLabel, type OpenedTemplate } from './package';
import { paragraphAt, partText, type PartText } from './part-text';
import { closestTag, knownTags, scopes, scopesDefining, type Scope } from './vocabulary';

export type TagKind = 'valeur' | 'boucle' | 'condition inverse' | 'fin de boucle';

export interface TemplateTag {
  /** Tag name without its sign: `presents` for `{#presents}`. */
  name: string;
  kind: TagKind;
  /** The tag as written, e.g. `{#presents}`. */
  raw: string;
  /** Package part, e.g. `word/header1.xml`. */
  part: string;
  /** French place: «corps du document», «en-tête 1»… */
  where: string;
  /** The paragraph text around the tag. */
  context: string;
}

export interface TemplateProblem {
  code:
    | 'unknown-tag'
    | 'misplaced-tag'
    | 'unclosed-loop'
    | 'unopened-loop'
    | 'mismatched-loop'
    | 'unclosed-tag'
    | 'unopened-tag'
    | 'unsupported-tag'
    | 'spaced-tag'
    | 'too-many-tags'
    | 'template-error';
  /** French message naming the tag and where it is. */
  message: string;
  tag?: string;
  part: string;
  context?: string;
}

export interface TemplateCheck {
  tags: TemplateTag[];
  problems: TemplateProblem[];
}

/** Far beyond any real minutes template; stops hostile ones before docxtemplater compiles them. */
export const TEMPLATE_LIMITS = { maxLoops: 500, maxTags: 5_000 } as const;

const CONTEXT_CHARS = 90;

function contextAround(part: PartText, start: number, end: number): string {
  const first = paragraphAt(part, start);
  const last = paragraphAt(part, Math.max(start, end - 1));
  const text = part.paragraphs
    .slice(first, last + 1)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= CONTEXT_CHARS) return text;
  const local = start - (part.paragraphStarts[first] ?? 0);
  const from = Math.max(0, Math.min(local - CONTEXT_CHARS / 3, text.length - CONTEXT_CHARS));
  return `${from > 0 ? '…' : ''}${text.slice(from, from + CONTEXT_CHARS)}${from + CONTEXT_CHARS < text.length ? '…' : ''}`;
}

const quote = (context: string) => `« ${context} »`;
const place = (where: string, context: string) => `${where}, paragraphe ${quote(context)}`;

interface OpenLoop {
  tag: TemplateTag;
  scope: Scope | null;
}

/** Walks one part's tags in order, keeping the loop stack. */
function lexPart(part: string, xml: string, check: TemplateCheck, counts: { loops: number }): void {
  const text = partText(xml);
  const where = partLabel(part);
  const stack: OpenLoop[] = [];
  const problem = (p: Omit<TemplateProblem, 'part'>) => check.problems.push({ ...p, part });
  const currentScopes = (): Scope[] => [
    scopes.document!,
    ...stack.map((l) => l.scope).filter((s): s is Scope => s !== null),
  ];
  let open = -1;
  for (const match of text.text.matchAll(/[{}]/g)) {
    const at = match.index;
    if (match[0] === '{') {
      if (open >= 0) {
        const context = contextAround(text, open, at);
        problem({
          code: 'unclosed-tag',
          message: `Accolade « { » jamais fermée (${place(where, context)}) : chaque balise s’écrit entre « { » et « } », par exemple {date}.`,
          context,
        });
      }
      open = at;
      continue;
    }
    if (open >= 0 && paragraphAt(text, open) !== paragraphAt(text, at)) {
      // A tag never spans paragraphs in a real template: the «{» lost its «}».
      const context = contextAround(text, open, open + 1);
      problem({
        code: 'unclosed-tag',
        message: `Accolade « { » jamais fermée (${place(where, context)}) : chaque balise s’écrit entre « { » et « } » dans un même paragraphe, par exemple {date}.`,
        context,
      });
      open = -1;
    }
    if (open < 0) {
      const context = contextAround(text, at, at + 1);
      problem({
        code: 'unopened-tag',
        message: `Accolade « } » sans « { » (${place(where, context)}) : supprimez-la ou complétez la balise.`,
        context,
      });
      continue;
    }
    const raw = text.text.slice(open, at + 1);
    const context = contextAround(text, open, at + 1);
    open = -1;
    if (check.tags.length >= TEMPLATE_LIMITS.maxTags) {
      problem({
        code: 'too-many-tags',
        message: `Le modèle contient plus de ${TEMPLATE_LIMITS.maxTags} balises (${where}) : ce n’est pas un compte rendu d’EPS ; vérifiez le fichier.`,
      });
      return;
    }
    const body = raw.slice(1, -1).trim();
    const sign = /^[#^/@-]/.test(body) ? body[0]! : '';
    const name = body.slice(sign.length).trim();
    const kind: TagKind =
      sign === '#'
        ? 'boucle'
        : sign === '^'
          ? 'condition inverse'
          : sign === '/'
            ? 'fin de boucle'
            : 'valeur';
    const tag: TemplateTag = { name, kind, raw, part, where, context };
    check.tags.push(tag);

    if (sign === '@' || sign === '-' || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) {
      problem({
        code: 'unsupported-tag',
        message: `Balise ${raw} non prise en charge (${place(where, context)}) : seules les balises simples du dictionnaire sont acceptées, comme {date}, {#situations}…{/situations} ou {^excuses}…{/excuses}.`,
        tag: name || raw,
        context,
      });
      continue;
    }
    if (raw !== `{${sign}${name}}`) {
      // docxtemplater's default parser reads «{ date }» as a tag named « date »: it would print a dash.
      problem({
        code: 'spaced-tag',
        message: `Balise ${raw} : retirez les espaces entre les accolades et écrivez {${sign}${name}} (${place(where, context)}).`,
        tag: name,
        context,
      });
    }
    if (sign === '#' || sign === '^') {
      if (++counts.loops > TEMPLATE_LIMITS.maxLoops) {
        problem({
          code: 'too-many-tags',
          message: `Le modèle contient plus de ${TEMPLATE_LIMITS.maxLoops} boucles (balise {${sign}${name}}, ${where}) : ce n’est pas un compte rendu d’EPS ; vérifiez le fichier.`,
          tag: name,
        });
        return;
      }
      checkKnown(tag, currentScopes(), problem);
      stack.push({ tag, scope: scopes[name] ?? null });
      continue;
    }
    if (sign === '/') {
      const top = stack[stack.length - 1];
      if (!top) {
        problem({
          code: 'unopened-loop',
          message: `Fin de boucle {/${name}} sans ouverture {#${name}} (${place(where, context)}) : ajoutez {#${name}} au début de la partie à répéter, ou supprimez {/${name}}.`,
          tag: name,
          context,
        });
      } else if (top.tag.name !== name) {
        problem({
          code: 'mismatched-loop',
          message: `Fin de boucle {/${name}} alors que la boucle ouverte est {${top.tag.raw.slice(1, -1).trim()}} (${place(where, context)}) : fermez d’abord {/${top.tag.name}}, ouverte au paragraphe ${quote(top.tag.context)}.`,
          tag: name,
          context,
        });
        // Close up to the matching loop when there is one, so one slip gives one message.
        const index = stack.map((l) => l.tag.name).lastIndexOf(name);
        if (index >= 0) stack.length = index;
      } else stack.pop();
      continue;
    }
    checkKnown(tag, currentScopes(), problem);
  }
  if (open >= 0) {
    const context = contextAround(text, open, text.text.length);
    problem({
      code: 'unclosed-tag',
      message: `Accolade « { » jamais fermée (${place(where, context)}) : chaque balise s’écrit entre « { » et « } », par exemple {date}.`,
      context,
    });
  }
  for (const loop of stack) {
    problem({
      code: 'unclosed-loop',
      message: `Boucle ${loop.tag.raw} ouverte mais jamais fermée (${place(where, loop.tag.context)}) : ajoutez {/${loop.tag.name}} à la fin de la partie à répéter (même partie du modèle : ${where}).`,
      tag: loop.tag.name,
      context: loop.tag.context,
    });
  }
}

function checkKnown(
  tag: TemplateTag,
  inScope: Scope[],
  problem: (p: Omit<TemplateProblem, 'part'>) => void,
): void {
  const readable = inScope.some((s) => s.values.includes(tag.name) || s.loops.includes(tag.name));
  if (readable) return;
  const spot = place(tag.where, tag.context);
  if (knownTags.has(tag.name)) {
    const loops = scopesDefining(tag.name).map((s) => `{#${s}}`);
    problem({
      code: 'misplaced-tag',
      message: `Balise ${tag.raw} hors de sa boucle (${spot}) : placez-la entre ${loops.join(' ou ')} et sa fin.`,
      tag: tag.name,
      context: tag.context,
    });
    return;
  }
  const suggestion = closestTag(tag.name);
  problem({
    code: 'unknown-tag',
    message: `Balise inconnue ${tag.raw} (${spot}) : « ${tag.name} » n’est pas une balise du dictionnaire des données${suggestion ? ` ; vouliez-vous écrire {${suggestion}} ?` : ''}. Balises possibles ici : ${[
      ...inScope,
    ]
      .reverse()
      .flatMap((s) => s.values)
      .map((v) => `{${v}}`)
      .join(', ')}.`,
    tag: tag.name,
    context: tag.context,
  });
}

/** The engine's options: default parser only (no expression evaluation on user templates). */
export interface EngineOptions {
  /** What an absent value prints; `part.module` is set for loops and sections. */
  nullGetter?: (part: { module?: string }) => unknown;
}

export type Compiled =
  { doc: Docxtemplater; problems: [] } | { doc: null; problems: TemplateProblem[] };

/**
 * Compiles the template with docxtemplater, once the lexer found nothing
 * wrong; what the engine still refuses (a loop opened in a table row and
 * closed outside it…) comes back in French, placed with the lexed tags.
 */
export function compileTemplate(
  zip: PizZip,
  tags: readonly TemplateTag[],
  options: EngineOptions = {},
): Compiled {
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      ...options,
    });
    return { doc, problems: [] };
  } catch (error) {
    const errors = (error as { properties?: { errors?: unknown[] } }).properties?.errors ?? [error];
    const problems: TemplateProblem[] = errors.map((item) => {
      const props =
        (item as { properties?: { id?: string; xtag?: string; file?: string } }).properties ?? {};
      const name = props.xtag?.replace(/^[#^/]/, '');
      const lexed = tags.find((t) => t.name === name && (!props.file || t.part === props.file));
      const where = lexed
        ? place(lexed.where, lexed.context)
        : props.file
          ? partLabel(props.file)
          : 'modèle';
      const misplacedLoop =
        props.id === 'loop_position_invalid' || props.id === 'unbalanced_loop_tags';
      return {
        code: 'template-error',
        part: props.file ?? '',
        ...(name ? { tag: name } : {}),
        ...(lexed ? { context: lexed.context } : {}),
        message: misplacedLoop
          ? `Boucle {#${name}} mal placée (${where}) : son ouverture et sa fermeture doivent être dans le même paragraphe, dans la même ligne de tableau, ou chacune seule dans son paragraphe.`
          : `Le modèle ne peut pas être rempli${name ? ` autour de la balise {${name}}` : ''} (${where}) : vérifiez la syntaxe des balises à cet endroit.`,
      };
    });
    return { doc: null, problems };
  }
}

/** The lexer's view: every tag with its place, and what breaks the dictionary's rules. */
export function lexTemplate(template: OpenedTemplate): TemplateCheck {
  const check: TemplateCheck = { tags: [], problems: [] };
  const counts = { loops: 0 };
  for (const part of template.textParts) {
    lexPart(part, template.xml[part] ?? '', check, counts);
    if (check.problems.some((p) => p.code === 'too-many-tags')) break;
  }
  return check;
}

/** `checkTemplate(docx)`: the tags a template uses and every problem found, in French. */
export async function checkTemplate(docx: Uint8Array): Promise<TemplateCheck> {
  const template = await openTemplate(docx);
  const check = lexTemplate(template);
  if (!check.problems.length)
    check.problems.push(...compileTemplate(template.zip, check.tags).problems);
  return check;
}
