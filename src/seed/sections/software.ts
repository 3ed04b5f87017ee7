import type { Section } from '../section';

export const software: Section = {
  slug: 'software',
  publications: ['compile-weekly', 'stackframe', 'the-refactor'],
  topics: [
    'TypeScript generics', 'monorepos', 'the event loop', 'code review', 'feature flags',
    'dependency upgrades', 'property-based testing', 'build caches', 'structured logging',
    'database migrations', 'error handling', 'API versioning', 'technical debt', 'pair programming',
    'continuous delivery', 'Rust in production', 'WebAssembly', 'flaky tests', 'on-call rotations',
    'incremental compilation', 'domain-driven design', 'background jobs',
  ],
  groups: [
    'small teams', 'platform engineers', 'open-source maintainers', 'backend developers',
    'new engineering managers', 'teams of one',
  ],
  titles: [
    'What {group} get wrong about {topic}', 'The quiet cost of {topic}',
    '{n} lessons from a year of {topic}', 'Why we stopped fighting {topic}',
    '{topic} without the ceremony', 'A field guide to {topic} for {group}',
    'How {topic} changed the way we ship', 'The boring path to better {topic}',
    '{topic} and {other}: a practical pairing', 'Notes on {topic} after {n} rewrites',
    'Rethinking {topic} in {year}', 'The case against clever {topic}',
  ],
  subheads: [
    'Where the time actually goes', 'The first week', 'Measuring before changing', 'What broke',
    'A smaller change than it looks', 'The migration', 'What we would do again', 'Tooling that helped',
  ],
  sentences: [
    'The first pull request touching {topic} was small, and that was the point.',
    'Most of the friction around {topic} came from habits, not from the tools themselves.',
    'We wrote the failing test first, which made the conversation about {topic} concrete.',
    'Build times dropped by a third once we untangled {topic} from {other}.',
    'The on-call channel got noticeably quieter in the month after the change.',
    'Nobody enjoys reading a stack trace at two in the morning, so we optimised for the person on call.',
    'Treating {topic} as a product, with users and a roadmap, changed which problems we chose to solve.',
    'A short design document saved weeks of arguing in code review.',
    'The compiler caught a class of bugs we used to find in production.',
    'We kept the old path behind a flag for two releases, then deleted it without ceremony.',
    'Every abstraction around {topic} has a cost, and the bill arrives when someone new joins the team.',
    'Small, reversible steps beat one heroic rewrite every time we tried both.',
    'The logs told a different story from the dashboards, and the logs were right.',
    'Reading the source of the library we depended on turned out to be faster than searching for answers.',
    'Most regressions traced back to assumptions that were never written down.',
    'Deleting code was the most productive thing we did that quarter.',
    'For {group}, the real constraint is attention, not compute.',
    'We measured twice: once before touching {topic}, and once after, on the same hardware.',
  ],
};
