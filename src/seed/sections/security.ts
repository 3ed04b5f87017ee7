import type { Section } from '../section';

export const security: Section = {
  slug: 'security',
  publications: ['threat-model', 'the-patch-notes', 'zero-trust-weekly'],
  topics: [
    'passkeys', 'password hashing', 'supply-chain attacks', 'CSRF protection', 'session cookies',
    'secrets management', 'content security policy', 'phishing drills', 'incident response',
    'least privilege', 'dependency audits', 'two-factor authentication', 'rate limiting',
    'audit logs', 'threat modelling', 'signed releases', 'bug bounties', 'access reviews',
    'encryption at rest', 'OAuth scopes',
  ],
  groups: [
    'small companies', 'developers without a security team', 'IT administrators',
    'open-source projects', 'people who reuse passwords', 'security newcomers',
  ],
  titles: [
    'A realistic threat model for {group}', '{topic}, explained without the fear',
    '{n} mistakes we see in {topic}', 'What a breach taught us about {topic}',
    'The minimum viable approach to {topic}', 'Spend less on firewalls and more on {topic}',
    'Getting {group} started with {topic}', 'Why {topic} alone will not save you',
    'Layering {topic} and {other}', 'An honest look at {topic}',
    'The state of {topic} in {year}', 'How attackers actually get around {topic}',
  ],
  subheads: [
    'The attacker we planned for', 'What the logs showed', 'Defaults that protect you',
    'The human factor', 'Rolling it out', 'What we gave up', 'Checking that it works', 'After the incident',
  ],
  sentences: [
    'The attacker did not need anything clever; a reused password was enough.',
    'Rate limiting login attempts turned a noisy attack into a non-event.',
    'We rotated every credential the same afternoon, and found two nobody knew existed.',
    'Good defaults protect people who will never read the documentation.',
    'An audit log is only useful if someone can search it when it matters.',
    'For {group}, the biggest win is usually turning on what the platform already offers.',
    'The phishing email looked exactly like the real password-reset message.',
    'Short-lived tokens limited the damage when one leaked into a public log.',
    'Most of the risk sat in dependencies we had never reviewed.',
    'Writing down what we were defending against made {topic} a much shorter conversation.',
    'Combining {topic} with {other} closed the gap an attacker used last year.',
    'Cookies marked httpOnly kept the session out of reach of injected scripts.',
    'The incident review was blameless, and it produced five concrete changes.',
    'Slow password hashing is a feature: it costs us milliseconds and costs attackers years.',
    'Every exception to the policy was recorded, with an owner and an expiry date.',
    'The simplest control, applied everywhere, beat the clever one applied in a few places.',
  ],
};
