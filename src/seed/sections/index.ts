import type { Section } from '../section';
import { business } from './business';
import { climate } from './climate';
import { culture } from './culture';
import { data } from './data';
import { design } from './design';
import { health } from './health';
import { science } from './science';
import { security } from './security';
import { software } from './software';
import { web } from './web';

/** Catalogue sections, in a fixed order (the generator's output depends on it). */
export const SECTIONS: readonly Section[] = [
  software, web, data, security, science, climate, design, business, culture, health,
];
