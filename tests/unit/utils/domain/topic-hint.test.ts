import { describe, expect, it } from 'vitest';
import { looksLikeFactQuestion } from '../../../../utils/domain/topic-hint';

/** Real-looking fact questions: the hint should appear. */
const FACT = [
  'How do I fix this bug in the login page',
  'How do I fix TypeError: cannot read properties of undefined',
  "Traceback (most recent call last): File 'app.py', line 3",
  'NullPointerException at com.acme.Service.run(Service.java:42)',
  'how to configure nginx reverse proxy',
  'How do I install docker on ubuntu',
  'npm install fails with error code 1',
  'git rebase keeps giving me a merge conflict',
  'What is the syntax for a SQL left join query',
  'Why does my function return undefined',
  'How can I deploy the api server to the cluster',
  'webpack.config.js does not compile my css',
  'How do I set an environment variable in the build script',
  'Our database query times out with a 504 error',
  'What is the difference between let and const',
  'kubectl apply says the container crashes',
  'How to upgrade the framework dependency without breaking the build',
  'How do I debug a memory leak in the server',
  'Wie behebe ich diese Fehlermeldung in der Datenbank-Abfrage',
  'Wie kann ich das Skript installieren und konfigurieren',
  'How do I write a regex to parse dates',
  'pip install throws PermissionError',
  'What is the command to undo my last git commit',
  'excel formula to sum by month',
];

/** Real-looking coaching topics: no hint. */
const COACHING = [
  'I have trouble speaking up in meetings',
  'My boss does not give me challenging work',
  'Struggling with work-life balance',
  'Thinking about leaving my company',
  'Having trouble jumping into conversations on Zoom',
  'Difficulty communicating with a particular team member',
  'How do I say no to my manager without hurting the relationship',
  'I feel like an impostor since my promotion',
  'I keep taking on too much and then work evenings',
  'How can I get more visibility for my work',
  'My colleague takes credit for my ideas',
  'I am afraid of presenting to the leadership team',
  'I want to ask for a raise but do not know how',
  'I procrastinate on the big project and feel stuck',
  'How do I give hard feedback to someone on my team',
  'Our team lead interrupts me in every standup',
  'Should I move from engineering into management',
  'I get overwhelmed by my workload',
  'I am the only one who fixes the bugs and nobody notices',
  'How do I deal with a stakeholder who changes priorities every week',
  'Ich tue mich schwer, in Besprechungen zu Wort zu kommen',
  'Meine Chefin gibt mir keine anspruchsvollen Aufgaben',
  'Ich denke darüber nach zu kündigen',
  'Burned out after the last release and not sure what to change',
];

describe('looksLikeFactQuestion', () => {
  it.each(['How do I fix this bug', 'TypeError: x is undefined\n    at render (app.js:10:5)', 'How do I configure the proxy in my .npmrc'])(
    'hints for the canonical fact questions: %s',
    (topic) => {
      expect(looksLikeFactQuestion(topic)).toBe(true);
    },
  );

  it.each([
    'I have trouble speaking up in meetings',
    'My boss does not give me challenging work',
    'Struggling with work-life balance',
    'Thinking about leaving my company',
  ])('stays quiet for the method\u2019s own examples: %s', (topic) => {
    expect(looksLikeFactQuestion(topic)).toBe(false);
  });

  it('is right for at least 85% of each kind in the table, and says which it misses', () => {
    const missedFacts = FACT.filter((t) => !looksLikeFactQuestion(t));
    const falseHints = COACHING.filter((t) => looksLikeFactQuestion(t));
    const factAccuracy = 1 - missedFacts.length / FACT.length;
    const coachingAccuracy = 1 - falseHints.length / COACHING.length;
    console.info(
      `fact-question hint: ${FACT.length - missedFacts.length}/${FACT.length} fact questions caught (${(factAccuracy * 100).toFixed(0)}%), ` +
        `${COACHING.length - falseHints.length}/${COACHING.length} coaching topics left alone (${(coachingAccuracy * 100).toFixed(0)}%)`,
      { missedFacts, falseHints },
    );
    expect(factAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(coachingAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('stays quiet for very short or empty text', () => {
    expect(looksLikeFactQuestion('')).toBe(false);
    expect(looksLikeFactQuestion('bug')).toBe(false);
  });
});
