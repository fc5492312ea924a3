/**
 * The extension's own settings in storage.local (not in the encrypted store:
 * content scripts and the background read them while the caseload is
 * locked): internal domains, enabled sites, sharing policy.
 */
import { browser } from 'wxt/browser';
import { settingKeys } from '../messages';

export type SettingName = keyof typeof settingKeys;

export async function readList(name: SettingName): Promise<string[]> {
  const value = (await browser.storage.local.get(settingKeys[name]))[settingKeys[name]];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function readText(name: SettingName): Promise<string | undefined> {
  const value = (await browser.storage.local.get(settingKeys[name]))[settingKeys[name]];
  return typeof value === 'string' ? value : undefined;
}

export async function writeSetting(name: SettingName, value: string | string[]): Promise<void> {
  await browser.storage.local.set({ [settingKeys[name]]: value });
}
