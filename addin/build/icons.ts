/**
 * Rasterises the one SVG icon (`addin/icons/passerelle.svg`) to the PNG sizes
 * the manifests reference, at build time and without network: resvg compiled
 * to WebAssembly, so no native binary and the same pixels on every OS.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { iconSizes } from '../manifest/source';
import { projectRequire } from './project';

export const iconSource = 'addin/icons/passerelle.svg';

let ready: Promise<void> | undefined;

function loadRenderer(): Promise<void> {
  ready ??= initWasm(readFileSync(projectRequire.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

/** Writes `assets/icon-<size>.png` for every manifest size; returns the files written. */
export async function writeIcons(projectRoot: string, outDir: string): Promise<string[]> {
  await loadRenderer();
  const svg = readFileSync(join(projectRoot, iconSource), 'utf8');
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  return iconSizes.map((size) => {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, png);
    return file;
  });
}
