import { externalValue } from './externalValue';

/**
 * Set when a new version of the app has installed and waits: calling it activates that
 * version and reloads the page. Null while there is nothing to update to.
 */
export const updateOffer = externalValue<(() => void) | null>(null);
