// Pseudonyms of anonymous survey respondents. A response is stored under HMAC-SHA256(perSurveySecret, userId), where
// perSurveySecret = HMAC-SHA256(serverKey, surveyId) and the server key lives outside the database (the environment,
// or a 0600 file beside the SQLite file). Someone holding only the database cannot compute anyone's pseudonym, and
// the pseudonyms of one member in two surveys differ, so responses cannot be linked across surveys either.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config';
import { sqliteFilePath } from '../db/sqliteUrl';

export const PSEUDONYM_KEY_FILE = 'survey-pseudonym.key';

const loaded = new Map<string, Buffer>();

/** Where the generated key lives: next to the database file (DATA_DIR for an in-memory database). */
export function pseudonymKeyPath(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): string {
  const file = sqliteFilePath(config.DATABASE_URL);
  return join(file ? dirname(file) : resolve(config.DATA_DIR), PSEUDONYM_KEY_FILE);
}

/** The server key: SURVEY_PSEUDONYM_KEY, or the key file, generated once (0600) when it does not exist yet. */
export function pseudonymServerKey(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'SURVEY_PSEUDONYM_KEY'>): Buffer {
  if (config.SURVEY_PSEUDONYM_KEY) return Buffer.from(config.SURVEY_PSEUDONYM_KEY, 'utf8');
  const path = pseudonymKeyPath(config);
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      // 'wx': two processes starting together cannot both write one; the loser reads the winner's key below.
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
  if (key.length < 32) throw new Error(`${path} holds no usable survey pseudonym key`);
  loaded.set(path, key);
  return key;
}

/** The respondent key of `userId` in an anonymous survey (hex). */
export function anonymousRespondentKey(serverKey: Buffer, input: { surveyId: string; userId: string }): string {
  const perSurvey = createHmac('sha256', serverKey).update(input.surveyId).digest();
  return createHmac('sha256', perSurvey).update(input.userId).digest('hex');
}

/** The unique key of a member's response: the user id on named surveys, the pseudonym on anonymous ones. */
export function respondentKey(serverKey: Buffer, input: { surveyId: string; userId: string; anonymous: boolean }): string {
  return input.anonymous ? anonymousRespondentKey(serverKey, input) : input.userId;
}

/** The start of `at`'s UTC day: all an anonymous response keeps of when it was given. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
