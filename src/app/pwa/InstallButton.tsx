import { installOffer } from './installPrompt';
import { useExternalValue } from './externalValue';
import './pwa.css';

/** "Install app" in the header, shown only while the browser offers to install the app. */
export function InstallButton() {
  const install = useExternalValue(installOffer);
  if (!install) return null;
  return (
    <button type="button" className="button button--secondary install-button" title="Install app" onClick={() => void install()}>
      <svg className="install-button__icon" aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
        <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14.5V16h12v-1.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="install-button__label">Install app</span>
    </button>
  );
}
