/**
 * Does a topic look like a fact question (a bug, a command, a configuration)
 * rather than a coaching topic? A gentle hint only: it never blocks.
 * English and German cues. Pure: no browser calls.
 */

/** Strong signs of a technical fact question: stack traces, error names, code. */
const STRONG: RegExp[] = [
  /\b(?:merge conflict|Traceback|stack ?trace|segfault|segmentation fault|NullPointerException|undefined is not a function)\b/i,
  /\b[A-Z][A-Za-z]*(?:Error|Exception)\b/,
  /\bat [\w$.<>]+ \(?[\w./\\-]+:\d+(?::\d+)?\)?/,
  /\b(?:npm|pip|git|docker|kubectl|sudo|apt-get|brew|yarn|mvn|gradle) [a-z-]+/i,
  /[{};]\s*$|=>|\(\)|`[^`]+`|\b\w+\.(?:js|ts|py|java|go|rs|yml|yaml|json|xml|sql|sh|tsx|jsx|cs|cpp|rb|php)\b/i,
  /\b(?:error|exit) code \d+|\b(?:HTTP )?[45]\d\d (?:error|status)\b|\b0x[0-9a-f]{4,}\b/i,
];

/** Weaker signs: technical verbs and objects. */
const TECH = [
  /\b(?:fix|debug|install|configure|config|compile|deploy|build|upgrade|downgrade|migrate|parse|query|regex|syntax|import|export|merge conflict|rebase|env(?:ironment)? variable|dependency|dependencies|api|endpoint|database|server|cluster|container|css|html|excel formula|spreadsheet formula|bug|crash(?:es|ing)?|timeout|memory leak|compiler|library|framework|plugin|script|function|variable|laptop|wifi|vpn|password reset)\b/i,
  /\b(?:beheben|installieren|konfigurieren|einrichten|kompilieren|fehlermeldung|absturz|stürzt ab|datenbank|abfrage|skript|funktion|variable|bibliothek)\b/i,
  /^(?:how (?:do|can|should) i|how to|what(?:'s| is) the (?:command|syntax|difference between)|why does (?:my|the) \w+ (?:return|throw|fail)|wie (?:kann|mache) ich|wie behebe ich)\b/i,
];

/** Signs of a coaching topic: people, feelings, career, habits. */
const COACHING = [
  /\b(?:manager|boss|lead|team(?:mate)?s?|colleagues?|coworkers?|co-workers?|peers?|reports?|stakeholders?|meetings?|1:1s?|one-on-ones?|feedback|conflict|career|promotion|raise|salary|job|role|company|leav(?:e|ing)|quit|burn(?:ed|t)? ?out|balance|stress(?:ed)?|anxious|anxiety|confiden(?:t|ce)|imposter|impostor|motivat(?:ed|ion)|procrastinat\w*|priorit\w*|boundar(?:y|ies)|delegat\w*|speak(?:ing)? up|say(?:ing)? no|overwhelm(?:ed)?|recogni[sz]\w*|credit|visib(?:le|ility)|respect(?:ed)?|trust|relationship|communicat\w*|interrupt\w*|talk(?:s|ed)? over|word in|present(?:ing|ation)s?|public speaking|mentor\w*|growth|goals?|feel(?:ing|s)?|afraid|scared|frustrat\w*|ignored|left out|overlooked|challenging work|workload|hours|evenings|weekends)\b/i,
  /\b(?:chef(?:in)?|vorgesetzte[rn]?|kolleg(?:e|in|en|innen)|besprechung(?:en)?|meetings?|karriere|beförderung|gehalt|kündig\w*|stress|überfordert|selbstvertrauen|unsicher|motivation|grenzen|delegieren|nein sagen|zu wort|anerkennung|vertrauen|beziehung|kommunikation|unterbrochen|präsentation\w*|ziele?|gefühl\w*|angst|frustriert|ignoriert|übersehen|arbeitsbelastung|work-life|abends|wochenende)\b/i,
  /\b(?:i (?:have trouble|struggle|find it hard|feel|am afraid|keep|never|always)|ich (?:habe (?:mühe|schwierigkeiten|probleme)|tue mich schwer|fühle))\b/i,
];

const count = (patterns: RegExp[], text: string) => patterns.reduce((n, p) => n + (p.test(text) ? 1 : 0), 0);

/**
 * True when the text reads like a fact question. A stack trace or code is
 * enough on its own; otherwise technical cues must outweigh every sign of
 * people, feelings or career.
 */
export function looksLikeFactQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length < 6) return false;
  const strong = count(STRONG, t);
  const tech = count(TECH, t);
  const coaching = count(COACHING, t);
  if (strong > 0) return coaching === 0 || strong >= 2;
  return tech >= 2 && coaching === 0;
}
