/**
 * Text shared by every section: standfirsts (the excerpt), connective sentences that make a
 * body read as an argument rather than a list, and closing lines. Same slots as `Section`.
 */

/** One-sentence standfirsts; the excerpt is one of these, sometimes followed by a section sentence. */
export const STANDFIRSTS: readonly string[] = [
  'A close look at {topic}, and what it means for {group}.',
  'We spent months with {topic}; here is what held up and what did not.',
  'The conventional wisdom about {topic} is mostly right, except where it matters.',
  'Practical notes on {topic} for {group}, with the trade-offs spelled out.',
  'The case for paying more attention to {topic}.',
  'What changed when we took {topic} seriously, in numbers and in practice.',
  'An unhurried guide to {topic}, with an eye on {other}.',
  'Less theory, more practice: {topic} as {group} actually meet it.',
];

export const OPENINGS: readonly string[] = [
  'Conversations about {topic} tend to start with a strong opinion and end with a shrug.',
  'It is easy to underestimate {topic} until the week a deadline depends on the details.',
  'A year ago, {topic} was a side project for a few of us; now it shapes how we plan.',
  'There is no shortage of advice about {topic}, and much of it contradicts itself.',
  'When people ask what surprised us most about {topic}, the answer is always the same: how ordinary it felt.',
  'This piece is for {group} who have heard a lot about {topic} and want the short version first.',
];

export const CONNECTIVES: readonly string[] = [
  'That sounds obvious, but it took us a while to see it.',
  'The details matter here.',
  'There is a catch, of course.',
  'In practice, the picture is more mixed.',
  'This is where most accounts of {topic} stop, and where the interesting part begins.',
  'It helps to be specific about what changed.',
  'Not everyone agrees, and the disagreement is instructive.',
  'The trade-off is real, and worth naming.',
  'Put another way, the constraint moved.',
  'Here is a concrete example.',
  'We checked this more than once.',
  'None of this required new tools.',
];

export const CLOSINGS: readonly string[] = [
  'None of this is the final word on {topic}, but it is a better starting point than the one we had.',
  'If there is one lesson, it is to start small with {topic} and write down what you learn.',
  'We will revisit {topic} next year, and expect to change our minds about at least one thing.',
  'For {group}, the best next step is usually the smallest one.',
  'The work continues, more quietly than before, which is probably a good sign.',
];
