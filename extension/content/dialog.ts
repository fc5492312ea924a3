/**
 * The send guard's question, in the overlay's closed shadow root: an
 * accessible modal dialog (role, label, description, focus kept inside,
 * Escape = back to the message) that resolves with the user's choice.
 */
export type Choice =
  { action: 'pseudonymiser' } | { action: 'envoyer'; reason: string } | { action: 'revenir' };

const STYLE = `
.backdrop { position: fixed; inset: 0; z-index: 2; background: rgba(17,24,39,.45); pointer-events: auto; display: grid; place-items: center; }
.dialog { font: 15px/1.45 system-ui, sans-serif; color: #111827; background: #fff; border-radius: 8px; padding: 20px 22px; width: min(460px, calc(100vw - 32px)); box-shadow: 0 10px 30px rgba(0,0,0,.3); }
h2 { font-size: 17px; margin: 0 0 8px; }
p { margin: 0 0 14px; }
.actions { display: flex; flex-direction: column; gap: 8px; }
button { font: inherit; padding: 8px 12px; border-radius: 6px; border: 1px solid #6b7280; background: #fff; color: #111827; cursor: pointer; text-align: left; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; font-weight: 600; }
button:focus-visible, textarea:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
label { display: block; font-weight: 600; margin: 6px 0 4px; }
textarea { font: inherit; width: 100%; box-sizing: border-box; min-height: 64px; margin-bottom: 8px; }
.error { color: #b91c1c; margin: 0 0 8px; }
`;

export function askBeforeSending(root: ShadowRoot, summary: string): Promise<Choice> {
  const doc = root.ownerDocument;
  const previous = doc.activeElement;
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  backdrop.innerHTML = `<style>${STYLE}</style>
<div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="pp-titre" aria-describedby="pp-texte">
  <h2 id="pp-titre">Données personnelles dans ce message</h2>
  <p id="pp-texte"></p>
  <div class="actions">
    <button type="button" class="primary" data-choice="pseudonymiser">Pseudonymiser et envoyer</button>
    <button type="button" data-choice="envoyer">Envoyer quand même (motif noté dans le journal)</button>
    <div class="reason" hidden>
      <label for="pp-motif">Motif de l’envoi en clair (noté dans le journal, sans les noms)</label>
      <textarea id="pp-motif"></textarea>
      <p class="error" role="alert" hidden>Indiquez un motif pour envoyer le message en clair.</p>
      <button type="button" data-choice="confirmer">Confirmer l’envoi</button>
    </div>
    <button type="button" data-choice="revenir">Revenir au message</button>
  </div>
</div>`;
  backdrop.querySelector('#pp-texte')!.textContent = summary;
  root.append(backdrop);
  const dialog = backdrop.querySelector<HTMLElement>('.dialog')!;
  const reasonBox = backdrop.querySelector<HTMLElement>('.reason')!;
  const reason = backdrop.querySelector<HTMLTextAreaElement>('#pp-motif')!;
  const error = backdrop.querySelector<HTMLElement>('.error')!;
  backdrop.querySelector<HTMLButtonElement>('button.primary')!.focus();

  return new Promise<Choice>((resolve) => {
    const close = (choice: Choice) => {
      backdrop.remove();
      if (previous instanceof HTMLElement) previous.focus({ preventScroll: true });
      resolve(choice);
    };
    const focusables = () =>
      [...dialog.querySelectorAll<HTMLElement>('button, textarea')].filter(
        (el) => !el.closest('[hidden]'),
      );
    dialog.addEventListener('click', (event) => {
      const choice = (event.target as Element).closest('button')?.dataset.choice;
      if (choice === 'pseudonymiser') close({ action: 'pseudonymiser' });
      else if (choice === 'revenir') close({ action: 'revenir' });
      else if (choice === 'envoyer') {
        reasonBox.hidden = false;
        reason.focus();
      } else if (choice === 'confirmer') {
        if (reason.value.trim()) close({ action: 'envoyer', reason: reason.value.trim() });
        else {
          error.hidden = false;
          reason.focus();
        }
      }
    });
    // The page must not see keys typed in the dialog (its shortcuts would fire).
    backdrop.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') close({ action: 'revenir' });
      if (event.key !== 'Tab') return;
      const list = focusables();
      const active = root.activeElement;
      const index = list.indexOf(active as HTMLElement);
      const next = event.shiftKey
        ? index <= 0
          ? list.length - 1
          : index - 1
        : index === list.length - 1
          ? 0
          : index + 1;
      event.preventDefault();
      list[next]?.focus();
    });
    backdrop.addEventListener('keyup', (event) => event.stopPropagation());
    backdrop.addEventListener('keypress', (event) => event.stopPropagation());
  });
}
