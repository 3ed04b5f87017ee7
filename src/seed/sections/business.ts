import type { Section } from '../section';

export const business: Section = {
  slug: 'business',
  publications: ['the-balance-sheet', 'runway-review', 'margin-notes'],
  topics: [
    'pricing pages', 'remote hiring', 'four-day weeks', 'bootstrapping', 'customer churn',
    'usage-based pricing', 'board meetings', 'layoffs', 'open-source business models',
    'procurement', 'founder burnout', 'unit economics', 'sales cycles', 'annual planning',
    'small acquisitions', 'customer support', 'employee equity', 'pricing experiments',
    'enterprise contracts', 'marketplaces',
  ],
  groups: [
    'first-time founders', 'small businesses', 'finance teams', 'independent consultants',
    'growing startups', 'managers',
  ],
  titles: [
    'The real economics of {topic}', '{n} things we learned from {topic}',
    'What {group} misunderstand about {topic}', 'A candid look at {topic}',
    'How we doubled revenue without touching {topic}', 'The spreadsheet behind {topic}',
    'Why {group} should rethink {topic}', '{topic} after the hype',
    'Balancing {topic} and {other}', 'What investors ask about {topic} in {year}',
    'The slow, profitable path through {topic}', 'A playbook for {topic}',
  ],
  subheads: [
    'The numbers first', 'What customers told us', 'A costly mistake', 'The trade-off',
    'How we decided', 'Six months later', 'What we would change', 'The contract',
  ],
  sentences: [
    'Raising prices lost us a handful of customers and improved the margin on every remaining one.',
    'The spreadsheet made the decision obvious, once we agreed on the assumptions.',
    'Most churn happened in the first thirty days, long before anyone renewed.',
    'For {group}, cash flow matters more than any valuation.',
    'The largest customer asked for the most features and paid the least per seat.',
    'Support tickets were the most honest product feedback we received.',
    'We delayed hiring until the work was clearly there, and it kept the team calm.',
    'A shorter sales cycle beat a bigger contract that took a year to close.',
    'Talking to ten customers changed our plan more than a quarter of analysis.',
    'Linking {topic} to {other} exposed costs that never appeared on a single invoice.',
    'Profitability gave us the freedom to say no to the wrong deals.',
    'The annual plan survived about six weeks before reality rewrote it.',
    'Transparent pricing shortened every conversation with procurement.',
    'Burnout showed up in the numbers long before anyone talked about it.',
    'The cheapest customer to keep is the one who succeeds with the product.',
    'Clear written decisions saved hours of meetings every week.',
  ],
};
