import type { Section } from '../section';

export const climate: Section = {
  slug: 'climate',
  publications: ['carbon-brief-notes', 'the-grid-edge', 'warming-stripes'],
  topics: [
    'heat pumps', 'grid-scale batteries', 'rooftop solar', 'offshore wind', 'urban heat islands',
    'methane leaks', 'carbon removal', 'electric buses', 'flood defences', 'peatland restoration',
    'green steel', 'home insulation', 'drought planning', 'climate models', 'wildfire smoke',
    'district heating', 'regenerative farming', 'sea-level rise', 'transmission lines', 'e-bikes',
  ],
  groups: [
    'homeowners', 'city planners', 'small farmers', 'renters', 'utility engineers',
    'commuters', 'local councils',
  ],
  titles: [
    'The unglamorous work of {topic}', 'The cost of {topic} in {year}, and the savings',
    '{n} myths about {topic}', 'How one town made {topic} work',
    'A plain-language guide to {topic} for {group}', 'The bottleneck nobody talks about in {topic}',
    'Why {group} are quietly betting on {topic}', 'Counting the carbon in {topic}',
    '{topic} and {other}: better together', 'The numbers behind {topic}',
    'Is it time to take {topic} seriously?', 'Scaling {topic} before the next heatwave',
  ],
  subheads: [
    'The numbers', 'Who pays', 'On the ground', 'The grid question', 'What the models say',
    'Getting permission', 'A winter test', 'The next decade',
  ],
  sentences: [
    'The installation took two days, and the first winter bill was noticeably smaller.',
    'Permitting, not technology, was the slowest step in almost every project we looked at.',
    'For {group}, upfront cost remains the main barrier, even when lifetime savings are clear.',
    'Measured emissions were higher than the official inventory suggested.',
    'A cold snap in January was the real test, and the system held.',
    'The grid connection queue stretched to several years in some regions.',
    'Local contractors needed training before {topic} could scale beyond early adopters.',
    'Shade and water cooled the streets by several degrees on the hottest afternoons.',
    'Prices fell faster than most forecasts from a decade ago predicted.',
    'Pairing {topic} with {other} smoothed out the daily peaks that strain the network.',
    'The models agree on the direction of change; the uncertainty is about how fast.',
    'Insurance premiums are already reflecting risks that planners discussed for years.',
    'Small subsidies had an outsized effect when paired with clear, trusted advice.',
    'Maintenance budgets decided whether the new infrastructure kept performing.',
    'Residents were more persuaded by a neighbour\'s experience than by any campaign.',
    'The least visible measures, like sealing drafts, often paid back fastest.',
  ],
};
