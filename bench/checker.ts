// Benchmark: Rukun's full checker (normalisation, lexicons, rules and spam phases) against bad-words'
// isProfane and obscenity (English dataset + recommended transformers), over the same corpus in the same
// run, plus what each one catches. Run with `npm run bench:checker`. Never asserted in tests.
// Method: each detector runs in its own child process (own heap and JIT: the garbage bad-words leaves
// behind, hundreds of RegExps per call, never slows the others); the processes take turns, one at a time,
// in ROUNDS short rounds, and each figure is the median round, so a burst from another process on this
// shared machine moves one round, not the result.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Filter } from 'bad-words';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { checkText, compileRuleSet, type CheckAuthor, type CompiledRuleSet, type WordRule } from '../server/checker/index';

interface Line {
  label: string;
  lang: string;
  category: string;
  text: string;
}

type Detect = (text: string) => boolean;

interface RoundResult {
  checks: number;
  wallSeconds: number;
  cpuSeconds: number;
}

const ROUNDS = 10;
const ROUND_MS = 250;
const RUKUN = 'rukun checkText (built-in lexicons)';
const RUKUN_RULES = 'rukun checkText (+6 community rules, 1 regex)';
const OBSCENITY = 'obscenity hasMatch (en dataset + transformers)';
const BAD_WORDS = 'bad-words isProfane';
const DETECTORS = [RUKUN, RUKUN_RULES, OBSCENITY, BAD_WORDS];

function readCorpus(name: string): Line[] {
  const path = fileURLToPath(new URL(`../test/checker/fixtures/${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [label = '', lang = '', category = '', text = ''] = line.split('\t');
      return { label, lang, category, text };
    });
}

const now = new Date('2026-11-22T10:00:00Z');
// A realistic author: an older post and one from two minutes ago, so the duplicate phase does its work.
const author: CheckAuthor = {
  id: 'bench-author',
  joinedAt: new Date('2025-06-01T00:00:00Z'),
  recentPosts: [
    { body: 'Jadwal kopdar minggu depan sudah keluar, cek grup ya', createdAt: new Date(now.getTime() - 2 * 60_000) },
    { body: 'Thanks for the slides yesterday!', createdAt: new Date(now.getTime() - 3 * 3_600_000) },
  ],
};

const communityRules: WordRule[] = [
  { id: 'r1', pattern: 'judol', match: 'word', action: 'hold' },
  { id: 'r2', pattern: 'slot88', match: 'word', action: 'block' },
  { id: 'r3', pattern: 'judi online', match: 'phrase', action: 'block' },
  { id: 'r4', pattern: 'kampret', match: 'word', action: 'censor' },
  { id: 'r5', pattern: 'anjing laut', match: 'phrase', action: 'allow' },
  { id: 'r6', pattern: String.raw`wa\.me/\d+`, match: 'regex', action: 'hold' },
];

function rukun(compiled: CompiledRuleSet): Detect {
  return (text) => checkText({ text, compiled, author, now }).action !== 'publish';
}

/** Builds one detector by name (in whichever process needs it). */
function buildDetector(name: string): Detect {
  if (name === RUKUN) return rukun(compileRuleSet({ version: 1, rules: [] }));
  if (name === RUKUN_RULES) return rukun(compileRuleSet({ version: 1, rules: communityRules }));
  if (name === OBSCENITY) {
    const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    return (text) => matcher.hasMatch(text);
  }
  const filter = new Filter();
  return (text) => filter.isProfane(text);
}

// Child side: warm up, then answer each message with one timed round over the corpus.
function serveRounds(name: string): void {
  const detect = buildDetector(name);
  const texts = readCorpus('checker-dev.tsv').map((l) => l.text);
  let sink = 0;
  for (let i = 0; i < 3_000; i++) sink += detect(texts[i % texts.length] ?? '') ? 1 : 0;
  process.on('message', () => {
    let checks = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    while (performance.now() - t0 < ROUND_MS) {
      for (const text of texts) sink += detect(text) ? 1 : 0;
      checks += texts.length;
    }
    const cpu = process.cpuUsage(cpu0);
    const result: RoundResult = { checks: checks + (sink < 0 ? 1 : 0), wallSeconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    process.send?.(result);
  });
  process.send?.('ready');
}

function start(name: string): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--detector', name], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('error', reject);
  });
}

function round(child: ChildProcess): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    child.once('error', fail);
    child.once('message', (message: RoundResult) => {
      child.off('error', fail);
      resolve(message);
    });
    child.send('round');
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measureSpeed(): Promise<Map<string, { wall: number; cpu: number }>> {
  const children = await Promise.all(DETECTORS.map(start));
  const rounds = new Map<string, RoundResult[]>(DETECTORS.map((name) => [name, []]));
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, name] of DETECTORS.entries()) {
        const child = children[i];
        if (child !== undefined) rounds.get(name)?.push(await round(child));
      }
    }
  } finally {
    for (const child of children) child.kill();
  }
  const rates = new Map<string, { wall: number; cpu: number }>();
  for (const [name, results] of rounds) {
    rates.set(name, {
      wall: median(results.map((x) => x.checks / x.wallSeconds)),
      cpu: median(results.map((x) => x.checks / x.cpuSeconds)),
    });
  }
  return rates;
}

function share(lines: readonly Line[], detect: Detect): string {
  if (lines.length === 0) return '-';
  const hits = lines.filter((l) => detect(l.text)).length;
  return `${hits}/${lines.length} (${Math.round((100 * hits) / lines.length)}%)`;
}

function printSpeed(rates: Map<string, { wall: number; cpu: number }>): void {
  const fmt = (n: number): string => Math.round(n).toLocaleString('en').padStart(9);
  for (const name of DETECTORS) {
    const rate = rates.get(name);
    if (rate !== undefined) console.log(`  ${name.padEnd(48)} ${fmt(rate.wall)} checks/s  ${(1e6 / rate.wall).toFixed(1).padStart(7)} µs/check  (${fmt(rate.cpu)} per CPU-s)`);
  }
  const wall = (name: string): number => rates.get(name)?.wall ?? Number.NaN;
  for (const name of [RUKUN, RUKUN_RULES]) {
    console.log(`  ratio ${name}: ${(wall(name) / wall(BAD_WORDS)).toFixed(0)}x bad-words, ${(wall(name) / wall(OBSCENITY)).toFixed(1)}x obscenity`);
  }
}

function printRecall(): void {
  const all = [...readCorpus('checker-dev.tsv'), ...readCorpus('checker-heldout.tsv')];
  const compared = [RUKUN, OBSCENITY, BAD_WORDS].map((name) => ({ name, detect: buildDetector(name) }));
  const profane = (lang: string, category: string): Line[] => all.filter((l) => l.label === 'profane' && l.lang === lang && l.category === category);
  const groups: [string, Line[]][] = [
    ['en plain', profane('en', 'plain')],
    ['en evasion', profane('en', 'evasion')],
    ['id plain', profane('id', 'plain')],
    ['id evasion', profane('id', 'evasion')],
    ['clean+scunthorpe (false positives)', all.filter((l) => l.label === 'clean')],
  ];
  console.log(`\nWhat each catches (dev + held-out corpus, ${all.length} lines):`);
  console.log(`  ${'lines'.padEnd(36)} ${compared.map((c) => (c.name.split(' ')[0] ?? '').padEnd(14)).join(' ')}`);
  for (const [group, lines] of groups) console.log(`  ${group.padEnd(36)} ${compared.map((c) => share(lines, c.detect).padEnd(14)).join(' ')}`);
  const [, obscenity, badWords] = compared;
  const missed = all.filter((l) => l.label === 'profane' && l.category === 'evasion' && !obscenity?.detect(l.text) && !badWords?.detect(l.text));
  console.log(`\n  Evasions both baselines miss: ${missed.length}, e.g.`);
  for (const l of missed.slice(0, 8)) console.log(`    [${l.lang}] ${l.text}`);
}

async function main(): Promise<void> {
  const texts = readCorpus('checker-dev.tsv');
  console.log(`Speed over the ${texts.length} lines of checker-dev.tsv, median of ${ROUNDS} rounds of ${ROUND_MS} ms, one process per detector (node ${process.version}):`);
  printSpeed(await measureSpeed());
  printRecall();
}

const detectorArg = process.argv.indexOf('--detector');
if (detectorArg >= 0) serveRounds(process.argv[detectorArg + 1] ?? '');
else await main();
