/**
 * Referral extraction per message (read + clean text + sections + drafts)
 * against postal-mime's bare parse of the same message, in the same run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { extractReferrals, readMailFile } from '../../shared/email';
import { time, type Bench } from './harness';

const dir = join(process.cwd(), 'tests/fixtures/email');

export const emailExtraction: Bench = {
  name: 'Courriels de saisine',
  async run() {
    const files = readdirSync(dir).filter((f) => /\.eml$/.test(f));
    const messages = files.map((f) => new Uint8Array(readFileSync(join(dir, f))));
    const msg = readdirSync(dir)
      .filter((f) => /\.msg$/.test(f))
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
    const bare = await time(
      async () => {
        for (const bytes of messages) await PostalMime.parse(bytes);
      },
      30,
      3,
    );
    const full = await time(
      async () => {
        for (const bytes of messages) extractReferrals(await readMailFile(bytes));
      },
      30,
      3,
    );
    const outlook = await time(
      async () => {
        for (const bytes of msg) extractReferrals(await readMailFile(bytes));
      },
      30,
      3,
    );
    const perBare = bare.median / messages.length;
    const perFull = full.median / messages.length;
    return [
      {
        name: `.eml lu + fiches extraites, par message (${messages.length} messages)`,
        value: perFull,
        unit: 'ms',
        baseline: { name: 'postal-mime seul', value: perBare },
        target: '< 5 × postal-mime et < 50 ms',
        pass: perFull < 5 * perBare && perFull < 50,
      },
      {
        name: `.msg lu + fiches extraites, par message (${msg.length} messages)`,
        value: outlook.median / msg.length,
        unit: 'ms',
        baseline: { name: 'postal-mime seul (.eml)', value: perBare },
        target: '< 50 ms',
        pass: outlook.median / msg.length < 50,
      },
    ];
  },
};
