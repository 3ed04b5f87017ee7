import type { Section } from '../section';

export const science: Section = {
  slug: 'science',
  publications: ['the-lab-bench', 'deep-field', 'peer-reviewed'],
  topics: [
    'gravitational waves', 'the microbiome', 'quantum sensors', 'exoplanet atmospheres',
    'deep-sea vents', 'CRISPR screens', 'sleep research', 'dark matter searches', 'bird migration',
    'protein folding', 'ancient DNA', 'fusion experiments', 'the replication crisis', 'animal cognition',
    'cosmic rays', 'soil fungi', 'volcanic winters', 'neutrino detectors', 'tardigrades',
    'citizen science',
  ],
  groups: [
    'curious readers', 'graduate students', 'science teachers', 'amateur astronomers',
    'field researchers', 'anyone who skipped physics',
  ],
  titles: [
    'The questions {topic} could answer next', 'The strange new science of {topic}',
    '{n} surprising findings about {topic}', 'Inside the race to understand {topic}',
    'Why researchers keep returning to {topic}', 'A beginner\'s map of {topic}',
    'The long road to measuring {topic}', '{topic}, explained for {group}',
    'Where {topic} and {other} overlap', 'A decade of {topic} in one chart',
    'The biggest questions about {topic} in {year}', 'The instrument that changed {topic}',
  ],
  subheads: [
    'The original observation', 'How the experiment works', 'A surprising result',
    'What the skeptics say', 'Replicating it', 'The open questions', 'In the field', 'What comes next',
  ],
  sentences: [
    'The signal was faint enough that the team spent a year ruling out their own equipment.',
    'Replication by an independent group is what turned the result from curious to credible.',
    'Much of the work on {topic} happens long before anything is published.',
    'The instrument had to be colder than deep space to hear anything at all.',
    'Early results were noisy, but the trend held as more data arrived.',
    'For {group}, the key idea is simpler than the equations make it look.',
    'Fieldwork meant weeks of waiting for conditions that lasted a few hours.',
    'The finding connects {topic} with {other} in a way few researchers expected.',
    'Several earlier studies were too small to detect an effect of this size.',
    'Open data allowed a graduate student on another continent to spot the pattern.',
    'The researchers are careful to say what the result does not show.',
    'Models predicted the effect decades ago, but measuring it required new tools.',
    'A single careful measurement can overturn years of confident assumptions.',
    'The next generation of detectors should settle the question within a few years.',
    'Funding cycles shaped which questions about {topic} were asked at all.',
    'Volunteers classified more samples in a month than the lab could in a year.',
  ],
};
