// The built-in Indonesian lexicon, curated for Rukun (no list of usable quality exists on the registry).
// Entries are base words; the matcher adds what people attach or change:
// - suffixes and particles (-nya, -mu, -lah, -in ...: see affixes.ts), repeated letters ("anjiiing",
//   "goblokk"), leetspeak ("4nj1ng"), spaced letters ("k o n t o l");
// - generated spellings for strong and severe words (variants.ts): a dropped vowel ("bjingan"), the
//   consonant skeleton ("kntl", "gblk") and a swapped final consonant ("goblog", "bangsad", "ngentod").
// Whole-word matching is what keeps the classic false positives clean, decided word by word:
// - asu: whole word only, so asuransi, asumsi, asusila, asupan, pengasuh stay clean;
// - tai: whole word only (santai, pantai, petai, ketaik-an do not match); "tahi" is NOT listed because
//   "tahi lalat" (a mole) is ordinary, and "tai chi" is literal;
// - memek: suffixes only, never a compound head, because memekik and memekakkan are real words;
// - bajingan is listed, bajing (squirrel) is not;
// - bego: suffixes only, so begonia stays clean; cuk: whole word only, so cukup, cukai, cukur, cukin stay;
// - pelacur: whole word only, since "pelacuran" (prostitution) is the neutral word in news and policy;
// - anjing, babi, monyet and asu are also just animals: a neighbouring word that makes them literal
//   ("anjing laut", "daging babi", "seekor monyet", "anjing saya") drops the hit (LITERAL below).
// Left out on purpose: bodoh, setan, kafir, cina, banci-as-identity words and other terms whose ordinary
// use outweighs the insult; communities add them as word rules if they want them.
// Words marked `join` are also found written in two pieces ("kon tol", "ngen tot", "bajing an").
// Abbreviations (anjg, kntl, bgst ...) match whole words only: with suffixes they run into real words
// ("asw" + "an" is Aswan).
// Severity: severe = sexual terms and slurs (hold by default), strong = insults and curses (flag), mild =
// exclamations and soft insults (flag).
import type { LexiconEntry } from './types';

// Words next to an animal name that make it the animal: pets, food, species, counting words.
const LITERAL = {
  before: [
    'seekor', 'ekor', 'anak', 'makanan', 'pakan', 'daging', 'minyak', 'lemak', 'kandang', 'pelihara', 'memelihara',
    'merawat', 'punya', 'takut', 'digigit', 'gigitan', 'bulu', 'ras', 'jenis', 'dokter', 'penitipan', 'pecinta',
    'kotoran', 'vaksin', 'rabies', 'mengandung', 'olahan', 'sate', 'bakso', 'sup', 'ternak', 'peternakan', 'kebun',
    'ada', 'melihat', 'lihat', 'foto', 'gambar', 'patung',
  ],
  after: [
    'laut', 'liar', 'peliharaan', 'saya', 'kami', 'kita', 'aku', 'kecil', 'besar', 'tetangga', 'pelacak', 'polisi',
    'hutan', 'ras', 'jenis', 'menggonggong', 'lucu', 'guling', 'panggang', 'ternak', 'kampung', 'betina', 'jantan',
    'galak', 'peliharaanku', 'rabies', 'itu', 'ini', 'yang', 'di', 'sedang', 'makan', 'tidur', 'berlari', 'ekor',
  ],
  // "dasar anjing itu", "kayak babi": these words before it make it an insult whatever follows.
  insultBefore: ['dasar', 'kayak', 'kaya', 'seperti', 'mirip', 'muka', 'otak', 'lu', 'lo', 'elu', 'kau'],
} as const;

const TAI_LITERAL = { after: ['chi'] } as const;

/** The built-in Indonesian entries (with common regional Javanese, Sundanese, Betawi and Medan forms). */
export const INDONESIAN_ENTRIES: readonly LexiconEntry[] = [
  // Animal insults: literal uses are common, so each carries the literal context.
  { term: 'anjing', join: true, severity: 'strong', category: 'insult', affix: 'compound', literal: LITERAL },
  { term: 'anjeng', severity: 'strong', category: 'insult', literal: LITERAL },
  { term: 'anying', severity: 'strong', category: 'insult', literal: LITERAL }, // Sundanese
  { term: 'anjg', affix: 'exact', severity: 'strong', category: 'insult' },
  { term: 'ajg', affix: 'exact', severity: 'strong', category: 'insult' },
  { term: 'anjir', severity: 'mild', category: 'profanity' },
  { term: 'anjrit', severity: 'mild', category: 'profanity' },
  { term: 'anjrot', severity: 'mild', category: 'profanity' },
  { term: 'njir', severity: 'mild', category: 'profanity' },
  { term: 'anjim', affix: 'exact', severity: 'mild', category: 'profanity' },
  { term: 'asu', severity: 'strong', category: 'insult', literal: LITERAL }, // Javanese "dog"
  { term: 'asw', affix: 'exact', severity: 'strong', category: 'insult' },
  { term: 'babi', severity: 'mild', category: 'insult', literal: LITERAL },
  { term: 'monyet', severity: 'mild', category: 'insult', literal: LITERAL },
  { term: 'kunyuk', severity: 'mild', category: 'insult' },
  { term: 'kampret', severity: 'mild', category: 'insult' },
  // Curses and insults.
  { term: 'bangsat', join: true, severity: 'strong', category: 'insult', affix: 'compound' },
  { term: 'bgst', affix: 'exact', severity: 'strong', category: 'insult' },
  { term: 'bgsd', affix: 'exact', severity: 'strong', category: 'insult' },
  { term: 'bajingan', join: true, severity: 'strong', category: 'insult', affix: 'compound' },
  { term: 'jingan', severity: 'strong', category: 'insult' }, // Javanese clipping of bajingan
  { term: 'keparat', join: true, severity: 'strong', category: 'insult' },
  { term: 'brengsek', join: true, severity: 'strong', category: 'insult' },
  { term: 'bedebah', severity: 'mild', category: 'insult' },
  { term: 'sialan', severity: 'mild', category: 'profanity' },
  { term: 'jancuk', join: true, severity: 'strong', category: 'profanity', affix: 'compound' },
  { term: 'jancok', join: true, severity: 'strong', category: 'profanity', affix: 'compound' },
  { term: 'jancik', severity: 'strong', category: 'profanity' },
  { term: 'dancok', severity: 'strong', category: 'profanity' },
  { term: 'diancuk', severity: 'strong', category: 'profanity' },
  { term: 'cuk', affix: 'exact', severity: 'mild', category: 'profanity' }, // Surabaya; often friendly, hence mild
  { term: 'goblok', join: true, severity: 'strong', category: 'insult', affix: 'compound' },
  { term: 'gblk', affix: 'exact', severity: 'strong', category: 'insult' },
  { term: 'tolol', join: true, severity: 'strong', category: 'insult', affix: 'compound' },
  { term: 'bego', severity: 'mild', category: 'insult' },
  { term: 'dungu', severity: 'mild', category: 'insult' },
  { term: 'geblek', severity: 'mild', category: 'insult' },
  { term: 'idiot', severity: 'mild', category: 'insult' },
  { term: 'bacot', severity: 'mild', category: 'insult' },
  { term: 'ndasmu', severity: 'mild', category: 'insult' },
  { term: 'cocot', severity: 'mild', category: 'insult' },
  { term: 'mampus', severity: 'mild', category: 'insult' },
  { term: 'tai', severity: 'mild', category: 'profanity', literal: TAI_LITERAL },
  { term: 'taik', severity: 'mild', category: 'profanity' },
  { term: 'tahik', severity: 'mild', category: 'profanity' },
  // Sexual terms: severe (held by default).
  { term: 'kontol', join: true, severity: 'severe', category: 'sexual', affix: 'compound' },
  { term: 'kntl', affix: 'exact', severity: 'severe', category: 'sexual' },
  { term: 'memek', join: true, severity: 'severe', category: 'sexual' },
  { term: 'mmk', affix: 'exact', severity: 'severe', category: 'sexual' },
  { term: 'ngentot', join: true, severity: 'severe', category: 'sexual', affix: 'compound' },
  { term: 'entot', severity: 'severe', category: 'sexual' },
  { term: 'ngewe', severity: 'severe', category: 'sexual' },
  { term: 'pepek', join: true, severity: 'severe', category: 'sexual' },
  { term: 'puki', severity: 'severe', category: 'sexual' },
  { term: 'pukimak', join: true, severity: 'severe', category: 'sexual', affix: 'compound' },
  { term: 'kimak', severity: 'severe', category: 'sexual' },
  { term: 'cibai', severity: 'severe', category: 'sexual' },
  { term: 'cukimai', severity: 'severe', category: 'sexual' }, // Medan
  { term: 'cukimak', severity: 'severe', category: 'sexual' },
  { term: 'pantek', severity: 'strong', category: 'sexual' }, // Minang
  { term: 'heunceut', severity: 'severe', category: 'sexual' }, // Sundanese
  { term: 'jembut', join: true, severity: 'severe', category: 'sexual' },
  { term: 'colmek', severity: 'severe', category: 'sexual' },
  { term: 'lonte', join: true, severity: 'severe', category: 'sexual' },
  { term: 'peler', severity: 'strong', category: 'sexual' },
  { term: 'kanjut', severity: 'strong', category: 'sexual' }, // Sundanese
  { term: 'toket', severity: 'strong', category: 'sexual' },
  { term: 'titit', severity: 'mild', category: 'sexual' },
  { term: 'bokep', severity: 'strong', category: 'sexual' },
  { term: 'sange', severity: 'strong', category: 'sexual' },
  { term: 'ngaceng', severity: 'strong', category: 'sexual' },
  { term: 'pelacur', affix: 'exact', severity: 'strong', category: 'sexual' },
  { term: 'sundal', severity: 'strong', category: 'sexual' },
  { term: 'perek', severity: 'strong', category: 'sexual' },
  { term: 'jablay', severity: 'strong', category: 'sexual' },
  { term: 'pecun', severity: 'strong', category: 'sexual' },
  // Slurs: severe.
  { term: 'bencong', join: true, severity: 'severe', category: 'slur' },
  { term: 'maho', severity: 'severe', category: 'slur' },
  { term: 'cokin', severity: 'severe', category: 'slur' },
];
