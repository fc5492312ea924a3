/**
 * Stops sending (send button, Ctrl/Cmd+Entrée) while a beneficiary's direct
 * identifier remains and a recipient is outside the team's internal domains;
 * asks «Pseudonymiser et envoyer / Envoyer quand même / Revenir au message».
 * Listens in the capture phase on the window, before the webmail's handlers.
 */
import { typeWord } from '../../finding-words';
import type { PageFinding } from '../../messages';
import { recipientAddresses } from '../../webmails';
import type { Checker } from '../checker';
import { askBeforeSending } from '../dialog';
import { readEditor, rewrite, type Editor } from '../editor-text';
import { defineFeature, type FeatureContext } from '../feature';

/** Recipients outside the internal domains; none found counts as outside (fail safe). */
export function externalRecipients(addresses: readonly string[], internal: readonly string[]) {
  if (!addresses.length) return 1;
  const domains = internal.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  return addresses.filter((a) => {
    const domain = a.slice(a.lastIndexOf('@') + 1);
    return !domains.some((d) => domain === d || domain.endsWith(`.${d}`));
  }).length;
}

export function summary(blocking: readonly PageFinding[], external: number, locked: boolean) {
  const kinds = [...new Set(blocking.map((f) => typeWord(f.type)))].join(', ');
  const n = blocking.length;
  return [
    `Ce message contient ${n} identifiant${n > 1 ? 's' : ''} d’un enfant suivi ou de sa famille (${kinds})`,
    `et part vers ${external} destinataire${external > 1 ? 's' : ''} hors de l’équipe.`,
    locked ? 'Le suivi est verrouillé : les noms de la file active n’ont pas été utilisés.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function editorsOf(checker: Checker, root: Element): Editor[] {
  const all = checker.editors();
  const inside = all.filter((e) => root.contains(e));
  return inside.length ? inside : all.length === 1 ? all : [];
}

export default defineFeature({
  id: 'garde-envoi',
  init(context: FeatureContext, signal) {
    const { doc, webmail, checker, overlay, ask } = context;
    const win = doc.defaultView!;
    let bypass = false;
    let busy = false;

    const sendButtonOf = (target: EventTarget | null) =>
      target instanceof Element ? target.closest<HTMLElement>(webmail.sendButtons) : null;

    /** Synchronous: can this send go through without asking? */
    const mustCheck = (root: Element) => {
      const editors = editorsOf(checker, root);
      if (!editors.length) return false;
      const external = externalRecipients(
        recipientAddresses(webmail, root),
        context.internalDomains(),
      );
      if (!external) return false;
      return editors.some((e) => {
        const state = checker.fresh(e);
        return !state || state.findings.some((f) => f.blocking);
      });
    };

    const send = (button: HTMLElement) => {
      bypass = true;
      try {
        for (const type of ['mousedown', 'mouseup'] as const)
          button.dispatchEvent(
            new MouseEvent(type, { bubbles: true, cancelable: true, view: win }),
          );
        button.click();
      } finally {
        bypass = false;
      }
    };

    async function guard(root: Element, button: HTMLElement) {
      if (busy) return;
      busy = true;
      try {
        const editors = editorsOf(checker, root);
        const states = await Promise.all(editors.map((e) => checker.current(e)));
        const blocking = states.flatMap((s) => s.findings.filter((f) => f.blocking));
        if (!blocking.length) return send(button);
        const external = externalRecipients(
          recipientAddresses(webmail, root),
          context.internalDomains(),
        );
        const locked = states.some((s) => s.store !== 'déverrouillé');
        const choice = await askBeforeSending(overlay.root, summary(blocking, external, locked));
        if (choice.action === 'revenir') {
          editors[0]?.focus({ preventScroll: true });
          return;
        }
        if (choice.action === 'envoyer') {
          const text = editors.map((e) => readEditor(e).text).join('\n\n');
          await ask({ kind: 'log-share', text, reason: choice.reason });
          return send(button);
        }
        for (const editor of editors) {
          const read = readEditor(editor);
          const answer = await ask({ kind: 'pseudonymise', text: read.text, sending: true });
          if (answer.leftovers) {
            overlay.notice(
              'Passerelle n’a pas pu tout pseudonymiser : des identifiants restent dans le message. Corrigez-le avant de l’envoyer.',
            );
            return;
          }
          rewrite(editor, read, answer.edits);
          await checker.rescan(editor);
        }
        send(button);
      } catch (error) {
        overlay.notice(
          `Passerelle n’a pas pu vérifier ce message avant l’envoi : ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        busy = false;
      }
    }

    const stop = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };

    const onPointer = (event: MouseEvent) => {
      if (bypass) return;
      const button = sendButtonOf(event.target);
      if (!button) return;
      const root = webmail.composeRoot(button);
      if (!busy && !mustCheck(root)) return;
      stop(event);
      if (event.type === 'click') void guard(root, button);
    };

    const onKey = (event: KeyboardEvent) => {
      if (bypass || event.key !== 'Enter') return;
      const shortcut = event.ctrlKey || event.metaKey;
      const onButton = sendButtonOf(event.target);
      if (!shortcut && !onButton) return;
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const root = webmail.composeRoot(target);
      const button = onButton ?? root.querySelector<HTMLElement>(webmail.sendButtons);
      if (!button || (!busy && !mustCheck(root))) return;
      stop(event);
      void guard(root, button);
    };

    const options = { capture: true, signal };
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'] as const)
      win.addEventListener(type, onPointer, options);
    win.addEventListener('keydown', onKey, options);
  },
});
