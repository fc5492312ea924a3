/**
 * The side panel's shell: Fluent provider in French, a tab list of the
 * views and the current view, loaded on demand (the URL keeps it across a
 * reload).
 */
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState, type ComponentType } from 'react';
import { panelViews, viewFor, type PanelView } from './views';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { flexWrap: 'wrap' },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

const lazyViews = new Map<string, ComponentType>();
function lazyView(view: PanelView): ComponentType {
  let component = lazyViews.get(view.id);
  if (!component) {
    component = lazy(view.load);
    lazyViews.set(view.id, component);
  }
  return component;
}

const VIEW_PARAMETER = 'vue';

export function SidePanel() {
  const styles = useStyles();
  const [view, setView] = useState(() =>
    viewFor(new URL(location.href).searchParams.get(VIEW_PARAMETER)),
  );

  useEffect(() => {
    performance.mark('passerelle:panneau-affiche');
  }, []);

  const open = (id: string) => {
    setView(viewFor(id));
    const url = new URL(location.href);
    url.searchParams.set(VIEW_PARAMETER, id);
    history.replaceState(null, '', url);
  };

  const View = lazyView(view);
  return (
    <FluentProvider theme={webLightTheme} lang="fr" className={styles.panel}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          Passerelle
        </Text>
      </header>
      <nav aria-label="Vues du panneau">
        <TabList
          className={styles.tabs}
          selectedValue={view.id}
          onTabSelect={(_, data) => open(String(data.value))}
          size="small"
        >
          {panelViews.map((v) => (
            <Tab key={v.id} value={v.id}>
              {v.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <Suspense fallback={<Spinner size="small" label="Chargement de la vue…" />}>
          <View />
        </Suspense>
      </main>
    </FluentProvider>
  );
}
