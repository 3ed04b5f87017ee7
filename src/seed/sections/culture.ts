import type { Section } from '../section';

export const culture: Section = {
  slug: 'culture',
  publications: ['the-long-read', 'marginalia', 'the-late-review'],
  topics: [
    'public libraries', 'independent bookshops', 'film photography', 'vinyl records',
    'video game preservation', 'local radio', 'translated fiction', 'zines', 'museum archives',
    'internet forums', 'board games', 'handwritten letters', 'community theatre', 'podcasts',
    'street food', 'old websites', 'slow travel', 'choirs', 'public murals', 'newsletters',
  ],
  groups: [
    'collectors', 'readers', 'people who grew up online', 'hobbyists', 'librarians',
    'small-town audiences',
  ],
  titles: [
    'The quiet comeback of {topic}', 'Why {group} still love {topic}',
    'A short history of {topic}', 'In defence of {topic}', '{n} reasons to care about {topic}',
    'What we lose without {topic}', 'The people keeping {topic} alive',
    'A love letter to {topic}', 'How {topic} shaped {other}', 'Finding community in {topic}',
    'The year {topic} went mainstream again', 'Notes from a weekend with {topic}',
  ],
  subheads: [
    'How it started', 'The regulars', 'An unlikely revival', 'Behind the counter', 'Keeping the archive',
    'What the numbers miss', 'A new audience', 'What stays',
  ],
  sentences: [
    'On a Saturday morning the room was full, and most people knew each other by name.',
    'The archive survived because one volunteer kept copying it to new disks.',
    'For {group}, the appeal is the slowness, not despite it.',
    'Nobody planned the revival; it grew from a handful of enthusiasts sharing what they loved.',
    'Younger visitors arrived through social media and stayed for the conversations.',
    'The collection tells a history that official records left out.',
    'Every object carried a story, and the owner was happy to tell it.',
    'Funding was always precarious, yet the doors stayed open for decades.',
    'What looked like nostalgia turned out to be a search for attention that lasts.',
    '{topic} and {other} share an audience that values care over convenience.',
    'Small venues took risks that larger institutions could not afford.',
    'The best recommendations still came from a person, not an algorithm.',
    'Preserving the work meant preserving the tools used to make it.',
    'Regulars brought friends, and the friends became regulars.',
    'The scene was small enough that everyone contributed something.',
    'It is easy to romanticise the past; the people involved are more interested in what comes next.',
  ],
};
