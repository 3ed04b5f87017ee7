import type { Section } from '../section';

export const health: Section = {
  slug: 'health',
  publications: ['the-daily-dose', 'vital-signs', 'bedside-manner'],
  topics: [
    'sleep hygiene', 'strength training', 'walking meetings', 'screen time', 'ultra-processed food',
    'mental health apps', 'standing desks', 'hearing loss', 'air quality indoors', 'loneliness',
    'hydration myths', 'running injuries', 'meditation', 'vitamin D', 'caffeine',
    'shift work', 'posture', 'gut health', 'eye strain', 'habit tracking',
  ],
  groups: [
    'desk workers', 'new parents', 'older adults', 'night-shift nurses', 'beginners',
    'people with busy schedules',
  ],
  titles: [
    'What the evidence says about {topic}', '{n} small changes for better {topic}',
    'A realistic guide to {topic} for {group}', 'The truth about {topic}',
    'Why doctors are paying attention to {topic}', 'What a year of {topic} did for me',
    '{topic}, separating research from marketing', 'The link between {topic} and {other}',
    'The simplest habit for {topic}', 'Rethinking {topic} after forty',
    'New research on {topic} in {year}', 'Is the hype around {topic} justified?',
  ],
  subheads: [
    'What the studies show', 'The catch', 'A practical routine', 'Who benefits most',
    'What to ask your doctor', 'Common misconceptions', 'Sticking with it', 'The bottom line',
  ],
  sentences: [
    'Most of the benefit came from the first small change, not from perfect adherence.',
    'The largest studies found a modest effect, smaller than the headlines implied.',
    'For {group}, consistency matters more than intensity.',
    'Ten minutes a day was enough to notice a difference within a few weeks.',
    'Participants who tracked their habits were more likely to keep them, at least for a while.',
    'Clinicians caution that individual results vary widely.',
    'The effect faded when people stopped, which suggests it was real.',
    'Marketing claims often rest on a single small study in a narrow population.',
    'Sleep, movement and social contact reinforced each other in almost every dataset.',
    'Researchers found links between {topic} and {other}, though cause and effect remain unclear.',
    'A short conversation with a doctor settled questions that weeks of searching did not.',
    'The cheapest interventions were often the best supported.',
    'People underestimated how much their environment shaped their choices.',
    'Gradual increases avoided the injuries that sudden ambition tends to cause.',
    'Nobody needed special equipment to start, only a little time.',
    'The evidence is strongest for habits that are also the least exciting.',
  ],
};
