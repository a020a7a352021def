// The built-in English lexicon: bad-words' list (its 896 entries, read once at start-up; the library's own
// matcher builds a RegExp per word per call and is far too slow to call per post), cleaned and given
// severities here. The list mixes English profanity with anatomy, ordinary words and other languages, so:
// - DROPPED removes what would flag ordinary posts: clinical anatomy (penis, vagina, anus, semen),
//   ordinary words (god, hell, pawn, lust, butt, balls, screw, knob, poop, sex), and the non-English
//   entries, several of which are everyday Indonesian ("suka" = like, "pula" = also, "dupa" = incense,
//   "kanker" = cancer, "hore" = hooray);
// - severities come from word families below: slurs and explicit sexual terms severe, fuck/bitch/bastard
//   and sexual insults strong, the rest (shit, crap, damn, piss, ass) mild;
// - EXTRA adds common forms the list lacks (bullshit, dumbass, fck, stfu) and phrases for words dropped
//   on their own ("go to hell", "screw you").
import { Filter } from 'bad-words';
import { normalizeTerm } from '../normalize/normalizeTerm';
import type { LexiconCategory, Severity } from '../types';
import type { LexiconEntry } from './types';

const DROPPED = new Set(
  (
    // ordinary words and clinical terms
    'god hell hells pawn lust lusting butt balls bloody screw screwing poop bum muff wang willy willies flange ' +
    'snatch homo cox sex sexy xxx xrated breasts anal anus rectum recktum enema orifice oriface orifiss orafis ' +
    'feces sadist masochist masokist dominatrix dominatricks dominatrics boffing spac dink dinks nob knob knobs ' +
    'knobz kock heshe doggin dogging pron teets teez woose nazi nazis preteen viagra vigra viagra vigra vlagra ' +
    'cyalis kondum kondums semen scrotum testical testicle testicles labia foreskin clitoris vulva vullva vagina ' +
    'vagiina vajina vaijina vaglna vajlna penis penas penus penuus peinus peenus peeenus peeenusss penisbreath ' +
    'hoar hoer hore hoor hoore hor sob dike cok kum kums lesbo horniest orgasim orgasims orgasm orgasms orgasum ' +
    'masterbation masterbations beastial bestial mutha hoare ejaculate ejaculated ejaculates ejaculating ' +
    'ejaculatings ejaculation ejakulate ejackulate feg helvete pric prik pusse pussee pussi fagot fagots ' +
    // entries from other languages (several are everyday Indonesian words)
    'arschloch amcik andskota ayir boiolas buceta cabron cazzo chraa chuj cipa daygo dego dirsa dupa dziwka ' +
    'ekrem ekto enculer faen fanculo ficken fitt flikker fotze futkretzn guiena huevon hui kanker klootzak knulle ' +
    'kuk kuksuger kurac kurwa kusi kyrpa mamhoon merd mibun monkleigh mouliewop muie mulkku muschi nepesaurio ' +
    'orospu paska perse picka pierdol pillu pimmel pimpis pizda poontsee pula pule puta puto qahbeh rautenberg ' +
    'schaffer scheiss schlampe sharmuta sharmute shipal skribz skurwysyn sphencter spierdalaj suka vittu ' +
    'wichser yed zabourah haxor jisim leitch ltch shemale'
  )
    .split(' ')
    .concat(['flipping the bird', 'nob jokey', 's hit']),
);

// Word families, matched as prefixes of the normalised entry.
const SLURS = ['nigg', 'nigr', 'niig', 'nigur', 'gook', 'kike', 'spic', 'wetback', 'coon', 'fag', 'paki', 'packi', 'packy', 'paky', 'polac', 'polak', 'jap', 'injun', 'honkey', 'wop', 'kraut', 'gaylord', 'tranny'];
const SEVERE_SEXUAL = ['cunt', 'kunt', 'cnut', 'cnts', 'cntz', 'cock', 'cawk', 'pussy', 'pussi', 'pusse', 'twat', 'tw4t', 'twunt', 'whore', 'whoar', 'wh0re', 'slut', 'skank', 'scank', 'skanck', 'blowjob', 'blow job', 'cumshot', 'jizz', 'jism', 'jiz', 'dildo', 'dild', 'dilld', 'gangbang', 'fellat', 'cunil', 'cunnil', 'clit', 'titfuck', 'tittyfuck', 'tittiefuck', 'tittywank', 'titwank', 'fingerfuck', 'fistfuck', 'rimjaw', 'rimming', 'smegma', 'schlong', 'goatse', 'bestiality', 'beastiality', 'poonani', 'felch', 'buttplug', 'phonesex', 'hardcoresex', 'hotsex', 'gaysex', 'splooge', 'carpet muncher', 'fudge packer', 'fudgepacker'];
const STRONG = ['fuck', 'fuk', 'fook', 'phuk', 'phuc', 'phuq', 'fcuk', 'fux', 'motha', 'mutha', 'mother', 'bitch', 'biatch', 'bastard', 'basterd', 'bassterd', 'asshole', 'ashole', 'asshol', 'azzhole', 'assfuck', 'assramm', 'dick', 'dlck', 'prick', 'pric', 'prik', 'wank', 'retard', 'cum', 'kummer', 'kumming', 'tit', 'jackoff', 'jerkoff', 'bellend', 'nutsack', 'ballsack', 'ballbag', 'mofo', 'chink', 'dyke', 'son of a bitch', 'sonofabitch', 'shithead', 'shitdick', 'shitfuck', 'cyberfuc', 'porn', 'pecker', 'knobhead', 'knobend'];
// These are also found written in two pieces ("fu ck", "bit ch", "dick head"). Compounds of two ordinary
// words are deliberately absent: "ball bag", "wet back", "gang bang", "bell end", "fell ate" are innocent
// far more often than they are evasions.
const JOINABLE = new Set(['fuck', 'fucker', 'fucking', 'fucked', 'motherfucker', 'bitch', 'bitches', 'cunt', 'asshole', 'bullshit', 'dickhead', 'pussy', 'nigger', 'nigga', 'faggot', 'whore', 'slut', 'shithead', 'bastard', 'wanker', 'twat', 'dildo', 'blowjob', 'cocksucker']);
// These may be the head of a longer token (fuckyou, bitchslap); no ordinary word starts with them.
const COMPOUND_HEADS = new Set(['fuck', 'motherfuck', 'motherfucker', 'bitch', 'cunt']);
// Whole word (plus the plurals the list already has): each is also an ordinary verb or noun when inflected
// (pricked, cocked, cocker spaniel, dicker, chinked, craps, titter, retarding, Cummings) or, with a suffix,
// an Indonesian word (paki + s = pakis, a fern). "fagot" is dropped above: it is the Indonesian bassoon.
const EXACT_ONLY = new Set(['prick', 'cock', 'dick', 'tit', 'titt', 'cum', 'cumming', 'ass', 'fag', 'jap', 'twat', 'wop', 'spic', 'coon', 'chink', 'crap', 'retard', 'paki']);

const EXTRA: readonly LexiconEntry[] = [
  { term: 'bullshit', severity: 'strong', category: 'profanity' },
  { term: 'muthafucka', severity: 'strong', category: 'profanity' },
  { term: 'muthafucker', severity: 'strong', category: 'profanity' },
  { term: 'motherfucka', severity: 'strong', category: 'profanity' },
  { term: 'horseshit', severity: 'strong', category: 'profanity' },
  { term: 'dumbass', severity: 'strong', category: 'insult' },
  { term: 'jackass', severity: 'mild', category: 'insult' },
  { term: 'asshat', severity: 'strong', category: 'insult' },
  { term: 'arsehole', severity: 'strong', category: 'insult' },
  { term: 'douchebag', severity: 'strong', category: 'insult' },
  { term: 'douche', severity: 'mild', category: 'insult' },
  { term: 'cocksucker', severity: 'severe', category: 'sexual' },
  { term: 'fck', severity: 'strong', category: 'profanity' },
  { term: 'fcking', severity: 'strong', category: 'profanity' },
  { term: 'stfu', severity: 'mild', category: 'profanity' },
  { term: 'crappy', severity: 'mild', category: 'profanity' },
  { term: 'retarded', severity: 'strong', category: 'insult' },
  { term: 'retards', severity: 'strong', category: 'insult' },
  { term: 'tranny', severity: 'severe', category: 'slur' },
  { term: 'beaner', severity: 'severe', category: 'slur' },
  { term: 'go to hell', severity: 'mild', category: 'insult' },
  { term: 'what the hell', severity: 'mild', category: 'profanity' },
  { term: 'bloody hell', severity: 'mild', category: 'profanity' },
  { term: 'screw you', severity: 'mild', category: 'insult' },
  { term: 'kiss my ass', severity: 'mild', category: 'insult' },
];

// Literal uses that would otherwise be hits: "summa cum laude", "Moby Dick", "a chink in the armour",
// "pussy willow".
const LITERAL: Readonly<Record<string, LexiconEntry['literal']>> = {
  cum: { before: ['summa', 'magna'], after: ['laude'] },
  dick: { before: ['moby', 'philip', 'van'], after: ['van', 'grayson', 'tracy', 'cheney', 'clark'] },
  chink: { after: ['in', 'of'] },
  pussy: { after: ['willow', 'willows'] },
  fanny: { after: ['pack', 'packs'] },
};

function startsWithAny(term: string, stems: readonly string[]): boolean {
  return stems.some((stem) => term.startsWith(stem));
}

function classify(term: string): { severity: Severity; category: LexiconCategory } {
  if (startsWithAny(term, SLURS)) return { severity: 'severe', category: 'slur' };
  if (startsWithAny(term, SEVERE_SEXUAL)) return { severity: 'severe', category: 'sexual' };
  if (startsWithAny(term, STRONG) || term.includes('fuck')) return { severity: 'strong', category: 'profanity' };
  return { severity: 'mild', category: 'profanity' };
}

// "cock-head" -> "cockhead", "a_s_s" -> "ass", "*shit*" -> "shit", "nigger;" -> "nigger", "f u c k" -> "fuck",
// "shi+" -> "shit". Entries with other punctuation ("Fu(*") are fragments of the list's own regexes.
function cleanEntry(raw: string): string | null {
  if (/[()]/.test(raw)) return null;
  const joined = raw
    .toLowerCase()
    .replace(/[*;]/g, '')
    .replace(/\+/g, 't')
    .replace(/[-_.](?=\S)/g, '')
    .trim();
  const words = normalizeTerm(joined);
  const term = words.join(' ');
  if (term === '' || !/^[a-z]+(?: [a-z]+)*$/.test(term) || DROPPED.has(term)) return null;
  return term;
}

function toEntry(term: string): LexiconEntry {
  const { severity, category } = classify(term);
  const affix = COMPOUND_HEADS.has(term) ? 'compound' : EXACT_ONLY.has(term) || term.length <= 3 ? 'exact' : 'suffix';
  const entry: LexiconEntry = { term, severity, category, affix, join: JOINABLE.has(term) };
  const literal = LITERAL[term];
  return literal === undefined ? entry : { ...entry, literal };
}

/** The built-in English entries: bad-words' list, cleaned and graded, plus EXTRA. */
export function englishEntries(): LexiconEntry[] {
  const byTerm = new Map<string, LexiconEntry>();
  for (const raw of new Filter().list) {
    const term = cleanEntry(raw);
    if (term !== null && !byTerm.has(term)) byTerm.set(term, toEntry(term));
  }
  for (const extra of EXTRA) {
    byTerm.set(extra.term, { affix: COMPOUND_HEADS.has(extra.term) ? 'compound' : 'suffix', join: JOINABLE.has(extra.term), ...extra });
  }
  return [...byTerm.values()];
}
