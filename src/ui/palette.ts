// Colours by meaning, not by name, so NO_COLOR turns every one of them off in one place.
// (Ink's chalk does not read NO_COLOR; it only checks FORCE_COLOR and the terminal.)
import { createContext } from 'react';

export interface Palette {
  danger?: string;
  warning?: string;
  success?: string;
  accent?: string;
}

export const COLOUR_PALETTE: Palette = { danger: 'red', warning: 'yellow', success: 'green', accent: 'cyan' };
export const NO_COLOUR_PALETTE: Palette = {};

export const PaletteContext = createContext<Palette>(COLOUR_PALETTE);

/** https://no-color.org: set and not empty means no colour */
export function coloursWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}
