/**
 * The pane's shell: Fluent provider in French, a header saying where the
 * pane runs, a tab list of the host's views and the current view, loaded on
 * demand. Views receive the environment and the host adapters, nothing else.
 */
import {
  Badge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { PaneEnvironment } from './environment';
import { createHostAdapters } from './host-adapters';
import { resolveRoute, urlWithView } from './route';
import { viewsFor, type PaneView, type ViewProps } from './views';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  where: { whiteSpace: 'nowrap', flexShrink: 0 },
  /** A narrow pane shows every view's tab: they wrap instead of overflowing. */
  tabs: { flexWrap: 'wrap' },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

function whereLabel(environment: PaneEnvironment): string {
  switch (environment.kind) {
    case 'office':
      return environment.host;
    case 'preview':
      return 'Aperçu dans le navigateur';
    case 'unavailable':
      return 'Indisponible';
  }
}

const lazyViews = new Map<string, ComponentType<ViewProps>>();
function lazyView(view: PaneView): ComponentType<ViewProps> {
  let component = lazyViews.get(view.id);
  if (!component) {
    component = lazy(view.load);
    lazyViews.set(view.id, component);
  }
  return component;
}

export function App({ environment }: { environment: PaneEnvironment }) {
  const styles = useStyles();
  const hosts = useMemo(() => createHostAdapters(environment), [environment]);
  const views = useMemo(() => viewsFor(environment), [environment]);
  const [route, setRoute] = useState(() => resolveRoute(environment.view, views));

  useEffect(() => {
    performance.mark('passerelle:volet-affiche');
  }, []);

  const open = (id: string) => {
    setRoute(resolveRoute(id, views));
    // Keep the view in the URL: a reload (or Office reopening the pane) lands on it again.
    // office.js sets `history.replaceState` to null on the instance; the prototype's still works.
    History.prototype.replaceState.call(history, null, '', urlWithView(location.href, id));
  };

  const View = route.view ? lazyView(route.view) : null;
  return (
    <FluentProvider theme={webLightTheme} lang="fr" className={styles.pane}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          Passerelle
        </Text>
        <Badge
          appearance="tint"
          className={styles.where}
          color={environment.kind === 'unavailable' ? 'danger' : 'brand'}
        >
          {whereLabel(environment)}
        </Badge>
      </header>
      {views.length > 0 && (
        <nav aria-label="Vues du volet">
          <TabList
            className={styles.tabs}
            selectedValue={route.view?.id ?? ''}
            onTabSelect={(_, data) => open(String(data.value))}
            size="small"
          >
            {views.map((view) => (
              <Tab key={view.id} value={view.id}>
                {view.label}
              </Tab>
            ))}
          </TabList>
        </nav>
      )}
      <main className={styles.main}>
        {environment.kind === 'unavailable' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Passerelle ne peut pas démarrer</MessageBarTitle>
              {environment.reason}
            </MessageBarBody>
          </MessageBar>
        )}
        {environment.kind === 'office' && !environment.requirement.supported && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Version d’Office trop ancienne</MessageBarTitle>
              {environment.host} doit prendre en charge {environment.requirement.set}{' '}
              {environment.requirement.version} : mettez Office à jour (Microsoft 365) pour utiliser
              toutes les fonctions.
            </MessageBarBody>
          </MessageBar>
        )}
        {route.unknown && (
          <MessageBar intent="info">
            <MessageBarBody>
              La vue «&nbsp;{route.unknown}&nbsp;» n’existe pas dans cette version de Passerelle
              {environment.kind === 'office' ? ` pour ${environment.host}` : ''} : choisissez une
              vue dans la barre ci-dessus.
            </MessageBarBody>
          </MessageBar>
        )}
        {View && (
          <Suspense fallback={<Spinner size="small" label="Chargement de la vue…" />}>
            <View environment={environment} hosts={hosts} />
          </Suspense>
        )}
      </main>
    </FluentProvider>
  );
}
