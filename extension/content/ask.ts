/** Asks the background; its French errors come back as thrown `Error`s. */
import { browser } from 'wxt/browser';
import type { Answer, ErrorAnswer, Request } from '../messages';

export type Ask = <R extends Request>(request: R) => Promise<Answer<R>>;

export const askBackground: Ask = async (request) => {
  const answer = (await browser.runtime.sendMessage(request)) as
    Answer<typeof request> | ErrorAnswer;
  if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(answer.error);
  if (answer === undefined) throw new Error('L’extension ne répond pas : rechargez la page.');
  return answer as never;
};
