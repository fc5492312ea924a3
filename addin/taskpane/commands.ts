/// <reference types="office-js" />
/**
 * The ribbon's function file (`commands.html`). Every Passerelle button opens
 * the pane (ShowTaskpane), so it registers no function; Office still loads
 * this page and waits for it to report ready.
 */
void Office.onReady();
