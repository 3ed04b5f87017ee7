import type { Section } from '../section';

export const data: Section = {
  slug: 'data',
  publications: ['query-plan', 'the-long-tail', 'signal-and-noise'],
  topics: [
    'SQLite', 'PostgreSQL indexes', 'data pipelines', 'columnar storage', 'A/B tests',
    'time-series data', 'dashboards nobody reads', 'data contracts', 'vector search',
    'small data', 'query planners', 'change data capture', 'sampling', 'dbt models',
    'spreadsheets', 'data quality checks', 'event schemas', 'survey data', 'confidence intervals',
    'forecasting', 'metrics definitions',
  ],
  groups: [
    'analysts', 'data engineers', 'product managers', 'startups without a data team',
    'researchers', 'anyone who owns a dashboard',
  ],
  titles: [
    'You probably do not need a warehouse for {topic}', 'The hidden assumptions in {topic}',
    '{n} questions to ask before trusting {topic}', 'A gentle introduction to {topic}',
    'How {group} can get more from {topic}', 'What {topic} taught us about our users',
    '{topic} at a fraction of the cost', 'How to notice drift in {topic}',
    'From {topic} to {other} in one afternoon', 'The humble power of {topic}',
    '{topic} in {year}: what changed', 'When to distrust {topic}',
  ],
  subheads: [
    'The question behind the query', 'Cleaning it up', 'What the numbers hide', 'A simpler model',
    'Checking our work', 'Reading the query plan', 'What we measured', 'Where it falls apart',
  ],
  sentences: [
    'The query took forty seconds until an index on two columns brought it under fifty milliseconds.',
    'Half of the effort in {topic} went into agreeing what the words meant.',
    'A single misaligned timezone shifted every daily total by a few percent.',
    'Averages hid the story; the distribution told it.',
    'We wrote the definition of each metric next to the chart that used it.',
    'Sampling one percent of the events gave the same answer in a fraction of the time.',
    'For {group}, a well-kept spreadsheet often beats an unmaintained pipeline.',
    'The most useful check was also the simplest: counting rows at each step.',
    'Nobody noticed the broken join for weeks because the totals still looked plausible.',
    'A small, fast database on one machine handled far more than anyone expected.',
    'The confidence interval was wide enough that the honest answer was that we did not know yet.',
    'Pairing {topic} with {other} made the model both simpler and easier to explain.',
    'Every dashboard had an owner after the cleanup, and a third of them were retired.',
    'Seasonality explained most of the change that the team had celebrated.',
    'Schema changes upstream caused more incidents than any bug in our own code.',
    'Writing the expected result before running the query kept us honest.',
  ],
};
