// Creates a community; its address is suggested from the name until edited by hand.
import { useState, type FormEvent } from 'react';
import type { Community, Locale } from '../../../server/contracts/api';
import { createCommunity } from '../api/communities';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/types';
import { nameError, nameErrorsFromServer } from '../pages/nameValidation';
import { ErrorNotice } from './Notice';
import { slugify } from './slugify';
import { TextField } from './TextField';

/** The create-community form; calls back with the new community. */
export function CreateCommunityForm({ onCreated }: { onCreated: (community: Community) => void }) {
  const { t, locale: uiLocale } = useI18n();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [nameProblem, setNameProblem] = useState<PlainKey | null>(null);

  const changeName = (value: string): void => {
    setName(value);
    if (!slugEdited) setSlug(slugify(value));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = { name: name.trim(), slug: slug.trim(), description: description.trim() };
    const problem = nameError(name);
    setNameProblem(problem);
    setMissing(!trimmed.slug);
    if (problem || !trimmed.slug) return;
    setSending(true);
    setError(null);
    try {
      const created = await createCommunity({ ...trimmed, description: trimmed.description || undefined, locale });
      onCreated(created);
    } catch (failure) {
      setNameProblem(nameErrorsFromServer(failure).name ?? null);
      setError(failure);
      setSending(false);
    }
  };

  return (
    <form className="card create-community" onSubmit={submit} noValidate data-testid="create-community">
      <h2>{t('communities.createTitle')}</h2>
      <TextField
        label={t('field.communityName')}
        value={name}
        onChange={changeName}
        error={nameProblem ? t(nameProblem) : null}
        data-testid="community-name"
      />
      <TextField
        label={t('field.slug')}
        hint={t('communities.slugHint')}
        value={slug}
        onChange={(value) => {
          setSlugEdited(true);
          setSlug(value.toLowerCase());
        }}
        error={missing && !slug.trim() ? t('validation.required') : null}
        data-testid="community-slug"
      />
      <TextField
        label={t('field.description')}
        value={description}
        onChange={setDescription}
        data-testid="community-description"
      />
      <div className="field">
        <label className="field__label" htmlFor="community-locale">
          {t('field.locale')}
        </label>
        <select
          id="community-locale"
          className="field__input"
          value={locale}
          onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'id')}
        >
          <option value="id">{t('language.id')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
      </div>
      <button type="submit" className="button" disabled={sending} data-testid="community-create-submit">
        {sending ? t('communities.creating') : t('communities.create')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
