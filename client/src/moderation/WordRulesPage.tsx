// Word rules (managers): list, add, delete, try a draft on past posts, and a live "test a text" box.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CheckAction } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import {
  checkText,
  createWordRule,
  deleteWordRule,
  listWordRules,
  previewWordRule,
  RULE_ACTIONS,
  RULE_MATCHES,
  type CheckResult,
  type PreviewResult,
  type RuleAction,
  type RuleMatch,
  type WordRule,
} from './api';
import { HighlightedText } from './highlight';
import { useModI18n } from './i18n/useModI18n';

const CHECK_ACTIONS: readonly CheckAction[] = ['publish', 'censor', 'flag', 'hold', 'block'];

function TestTextBox({ slug }: { slug: string }) {
  const { t } = useModI18n();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; check: CheckResult } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!text.trim()) {
      setResult(null);
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      checkText(slug, text, controller.signal).then(
        (check) => {
          setError(null);
          setResult({ text, check });
        },
        (failure: unknown) => {
          if (!controller.signal.aborted) setError(failure);
        },
      );
    }, 350);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [slug, text]);

  const label = (action: CheckAction): string => (CHECK_ACTIONS.includes(action) ? t(`check.${action}`) : action);

  return (
    <section className="card" aria-labelledby="mod-test-title">
      <h2 id="mod-test-title">{t('rules.testTitle')}</h2>
      <label className="mod-field">
        <span>{t('rules.testLabel')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={10000} data-testid="rules-test-input" />
      </label>
      {error !== null && <ErrorNotice error={error} />}
      {result && (
        <div data-testid="rules-test-result" data-action={result.check.action}>
          <p>
            <strong>{t('rules.testResult', { action: label(result.check.action) })}</strong>
            {result.check.effectiveAction !== result.check.action && <> · {t('rules.testEffective', { action: label(result.check.effectiveAction) })}</>}
          </p>
          <HighlightedText text={result.text} reasons={result.check.reasons} field="body" testId="rules-test-highlight" />
        </div>
      )}
    </section>
  );
}

/** The word rules screen. */
export function WordRulesPage({ slug }: { slug: string }) {
  const { t, formatDateTime, formatNumber } = useModI18n();
  const [rules, setRules] = useState<WordRule[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [pattern, setPattern] = useState('');
  const [match, setMatch] = useState<RuleMatch>('word');
  const [action, setAction] = useState<RuleAction>('hold');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);

  const load = useCallback(() => {
    listWordRules(slug).then(
      (items) => {
        setLoadError(null);
        setRules(items);
      },
      setLoadError,
    );
  }, [slug]);
  useEffect(load, [load]);

  const draft = () => ({ pattern: pattern.trim(), match, action });

  const add = (event: FormEvent): void => {
    event.preventDefault();
    if (!pattern.trim()) return;
    setBusy(true);
    setError(null);
    createWordRule(slug, draft())
      .then((rule) => {
        setRules((list) => [rule, ...(list ?? [])]);
        setPattern('');
        setPreview(null);
      }, setError)
      .finally(() => setBusy(false));
  };

  const tryIt = (): void => {
    if (!pattern.trim()) return;
    setBusy(true);
    setError(null);
    previewWordRule(slug, draft())
      .then(setPreview, setError)
      .finally(() => setBusy(false));
  };

  const remove = (rule: WordRule): void => {
    if (!window.confirm(t('rules.deleteConfirm'))) return;
    deleteWordRule(rule.id).then(() => setRules((list) => (list ?? []).filter((r) => r.id !== rule.id)), setError);
  };

  return (
    <div className="mod-rules" data-testid="mod-rules">
      <section className="card" aria-labelledby="mod-rules-title">
        <h2 id="mod-rules-title">{t('rules.title')}</h2>
        <form className="mod-rule-form" onSubmit={add}>
          <label className="mod-field">
            <span>{t('rules.pattern')}</span>
            <input value={pattern} onChange={(e) => setPattern(e.target.value)} maxLength={500} required data-testid="rule-pattern" />
          </label>
          <label className="mod-field">
            <span>{t('rules.match')}</span>
            <select value={match} onChange={(e) => setMatch(e.target.value as RuleMatch)} data-testid="rule-match">
              {RULE_MATCHES.map((m) => (
                <option key={m} value={m}>
                  {t(`rules.match.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="mod-field">
            <span>{t('rules.action')}</span>
            <select value={action} onChange={(e) => setAction(e.target.value as RuleAction)} data-testid="rule-action">
              {RULE_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`rules.action.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="mod-actions">
            <button type="submit" className="button" disabled={busy} data-testid="rule-add">
              {t('rules.add')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={tryIt} data-testid="rule-preview">
              {t('rules.preview')}
            </button>
          </div>
        </form>
        {error !== null && <ErrorNotice error={error} />}
        {preview && (
          <div data-testid="rule-preview-result">
            <p>{t('rules.previewResult', { changed: formatNumber(preview.changed.length), scanned: formatNumber(preview.scanned) })}</p>
            <ul className="mod-list">
              {preview.changed.slice(0, 20).map((c) => (
                <li key={c.postId}>
                  “{c.excerpt}” — {c.before} → {c.after}
                </li>
              ))}
            </ul>
          </div>
        )}
        {loadError !== null && <ErrorNotice error={loadError} onRetry={load} />}
        {rules === null && loadError === null && <Loading />}
        {rules?.length === 0 && <EmptyState title={t('rules.empty')} />}
        {rules && rules.length > 0 && (
          <ul className="mod-rule-list" data-testid="rule-list">
            {rules.map((rule) => (
              <li key={rule.id} className="mod-rule" data-testid="rule-item" data-rule-id={rule.id}>
                <code>{rule.pattern}</code>
                <span className="badge">{RULE_MATCHES.includes(rule.match) ? t(`rules.match.${rule.match}`) : rule.match}</span>
                <span className="badge">{RULE_ACTIONS.includes(rule.action) ? t(`rules.action.${rule.action}`) : rule.action}</span>
                <time dateTime={rule.createdAt}>{formatDateTime(rule.createdAt)}</time>
                <button type="button" className="button button--ghost button--danger" onClick={() => remove(rule)} data-testid="rule-delete">
                  {t('rules.delete')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TestTextBox slug={slug} />
    </div>
  );
}
