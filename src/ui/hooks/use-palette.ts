import { useContext } from 'react';
import { PaletteContext, type Palette } from '../palette.js';

export function usePalette(): Palette {
  return useContext(PaletteContext);
}
