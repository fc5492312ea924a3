/**
 * What every Word view waits for: the document. Until the host answers it
 * shows a spinner; outside Word it says where the view opens.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { WordHost } from '../../hosts/word';
import type { HostAdapters } from '../host-adapters';

export function WordGate({
  hosts,
  children,
}: {
  hosts: HostAdapters;
  children: (word: WordHost) => ReactNode;
}) {
  const [word, setWord] = useState<WordHost | null | undefined>(undefined);
  useEffect(() => {
    void hosts.word().then(setWord);
  }, [hosts]);
  if (word === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Cette vue s’ouvre dans Word.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!word) return <Spinner size="small" label="Connexion au document…" />;
  return <>{children(word)}</>;
}
