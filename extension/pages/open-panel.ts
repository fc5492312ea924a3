/**
 * The toolbar button opens Passerelle's side panel: Chrome does it itself
 * once told; Firefox's sidebar is opened from the click (a user action, as
 * Firefox requires). Called by the background.
 */
interface PanelApis {
  sidePanel?: { setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  action?: { onClicked: { addListener(listener: () => void): void } };
}

export function openPanelFromToolbar(browser: PanelApis): void {
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else if (browser.sidebarAction) {
    const sidebar = browser.sidebarAction;
    browser.action?.onClicked.addListener(() => void sidebar.open());
  }
}
