import type { Section } from '../section';

export const design: Section = {
  slug: 'design',
  publications: ['the-grid-system', 'kerning-club', 'negative-space'],
  topics: [
    'design systems', 'empty states', 'dark mode', 'variable fonts', 'onboarding flows',
    'colour contrast', 'icon sets', 'microcopy', 'motion design', 'information density',
    'usability testing', 'navigation patterns', 'data visualisation', 'error messages',
    'design tokens', 'prototyping', 'form layout', 'typography scales', 'settings pages',
    'user interviews',
  ],
  groups: [
    'product designers', 'solo founders', 'design students', 'developers who design',
    'small product teams', 'content designers',
  ],
  titles: [
    'The overlooked craft of {topic}', '{n} principles for better {topic}',
    'What {group} can learn from {topic}', 'Designing {topic} for real people',
    'A critique of modern {topic}', 'How we rebuilt our {topic} in six weeks',
    'The small details that make {topic} feel right', '{topic}, from sketch to shipped',
    'Bringing {topic} and {other} together', 'Less, but better: {topic}',
    'Trends in {topic} worth keeping from {year}', 'Testing {topic} with five users',
  ],
  subheads: [
    'Starting from the content', 'The first sketches', 'What testing revealed', 'Edge cases',
    'Naming things', 'Consistency versus character', 'Handing it to engineering', 'What we cut',
  ],
  sentences: [
    'Five participants were enough to find most of the problems in the first round.',
    'The empty screen is the first thing a new user sees, so it deserves the most care.',
    'We wrote the words before drawing the boxes, and the layout followed.',
    'For {group}, a shared vocabulary matters more than a perfect component library.',
    'Contrast that passes a checker can still be hard to read on a sunny afternoon.',
    'Every option we added to the settings page was a decision we had avoided making.',
    'Motion helped when it explained where something came from, and hurt when it decorated.',
    'A clear error message turned a support ticket into a self-service fix.',
    'Designers and engineers reviewed {topic} together, which caught problems early.',
    'The prototype was rough on purpose, so people criticised the idea rather than the colours.',
    'Dense screens suited expert users, as long as the hierarchy stayed obvious.',
    'Borrowing ideas from {other} gave {topic} a shape the team could agree on.',
    'The final design was simpler than any of the early explorations.',
    'Accessibility reviews made the product better for everyone, not only for those who asked.',
    'Tokens let us change the brand colour in one place instead of four hundred.',
    'Watching someone struggle for thirty seconds was more persuasive than any slide.',
  ],
};
