import { externalValue } from './externalValue';

/** Chromium's install prompt event (not in TypeScript's DOM library). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

/**
 * How to install the app, or null when the browser does not offer it (not installable, not
 * supported, or already installed). The browser fires `beforeinstallprompt` once it judges
 * the app installable, possibly before React renders: `listenForInstallPrompt` runs first.
 */
export const installOffer = externalValue<(() => Promise<void>) | null>(null);

export function listenForInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own mini-infobar away; the header button offers it instead.
    event.preventDefault();
    const prompt = event as BeforeInstallPromptEvent;
    installOffer.set(async () => {
      // A prompt event can be used once: hide the button whatever the user answers.
      installOffer.set(null);
      await prompt.prompt();
      await prompt.userChoice;
    });
  });
  window.addEventListener('appinstalled', () => installOffer.set(null));
}
