/**
 * A compose window is open (its send button is there) but no editor we know
 * is in it: the webmail changed. Say so on the page rather than check nothing.
 */
import { defineFeature } from '../feature';

const GRACE_MS = 2500;

export default defineFeature({
  id: 'editeur-non-reconnu',
  init({ doc, webmail, overlay, checker }, signal) {
    let timer = 0;
    let shown = false;
    const check = () => {
      const composing = doc.querySelector(webmail.composeOpen);
      const missing = !!composing && checker.editors().length === 0;
      if (missing !== shown) {
        shown = missing;
        overlay.notice(
          missing
            ? `Passerelle ne reconnaît pas la zone de rédaction de ${webmail.name} : ce message n’est PAS vérifié. Mettez l’extension à jour ou relisez le message avant l’envoi.`
            : undefined,
        );
      }
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = window.setTimeout(check, GRACE_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    timer = window.setTimeout(check, GRACE_MS);
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(timer);
    });
  },
});
