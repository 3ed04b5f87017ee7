import type { Section } from '../section';

export const web: Section = {
  slug: 'web',
  publications: ['the-render-tree', 'hypertext-daily', 'viewport'],
  topics: [
    'service workers', 'offline-first apps', 'CSS container queries', 'web components',
    'server-side rendering', 'hydration', 'Core Web Vitals', 'accessible forms', 'IndexedDB',
    'view transitions', 'image formats', 'progressive enhancement', 'font loading', 'HTTP caching',
    'the cascade', 'client-side routing', 'bundle size', 'form validation', 'focus management',
    'responsive typography', 'third-party scripts',
  ],
  groups: [
    'front-end developers', 'design engineers', 'people on slow phones', 'screen reader users',
    'teams shipping to the web', 'agency developers',
  ],
  titles: [
    'A practical guide to {topic}', '{topic}: easier than you remember',
    'What {topic} can do for {group}', 'Shipping {topic} without breaking the back button',
    '{n} small fixes for {topic}', 'The web platform finally handles {topic}',
    'Stop shipping JavaScript for {topic}', 'How we cut our load time with {topic}',
    '{topic} and {other}, explained with one page', 'Building for {group} with {topic}',
    'The state of {topic} in {year}', 'Everything I learned about {topic} from one bug report',
  ],
  subheads: [
    'Start with the HTML', 'What the browser already does', 'Testing on a real device',
    'Measuring in the field', 'The accessibility check', 'Progressive, not optional', 'Caching it properly',
    'What to leave out',
  ],
  sentences: [
    'The browser already knows how to do most of what we wanted from {topic}, if we let it.',
    'On a mid-range phone over a weak connection, every kilobyte of script is felt.',
    'Keyboard users noticed the change before anyone else did.',
    'A plain link and a form still work when everything else fails to load.',
    'Field data from real visitors told a different story from the lab numbers.',
    'We moved the work off the main thread, and the page stopped stuttering while scrolling.',
    'Good defaults in the platform made {topic} a few lines of markup instead of a library.',
    'Screen reader testing took an afternoon and found three problems the linter never would.',
    'Caching the shell meant the second visit felt instant, even offline.',
    'The hardest part of {topic} was agreeing on what should happen when the network drops.',
    'For {group}, the difference between two and five seconds is the difference between staying and leaving.',
    'Each third-party tag added a little delay, and together they doubled the load time.',
    'Support across the major browsers arrived quietly over the last two releases.',
    'We kept a fallback for older engines, and it turned out to be a dozen lines.',
    'Layout shifts disappeared once images declared their dimensions up front.',
    'Combining {topic} with {other} removed an entire category of loading spinners.',
  ],
};
