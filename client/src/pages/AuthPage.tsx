// Sign in or register, on one page with a toggle.
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { validateAuth, type AuthErrors, type AuthForm, type AuthMode } from './authValidation';
import { nameErrorsFromServer } from './nameValidation';

const EMPTY: AuthForm = { displayName: '', handle: '', email: '', login: '', password: '' };

/** The sign-in / register screen. */
export function AuthPage() {
  const { t } = useI18n();
  const session = useSession();
  const [mode, setMode] = useState<AuthMode>('signIn');
  const [form, setForm] = useState<AuthForm>(EMPTY);
  const [errors, setErrors] = useState<AuthErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const field = (name: keyof AuthForm) => ({
    value: form[name],
    onChange: (value: string) => setForm((current) => ({ ...current, [name]: value })),
    error: errors[name] ? t(errors[name]) : null,
  });

  const switchMode = (): void => {
    setMode((current) => (current === 'signIn' ? 'register' : 'signIn'));
    setErrors({});
    setFailure(null);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = validateAuth(mode, form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    setFailure(null);
    try {
      if (mode === 'signIn') await session.signIn({ login: form.login.trim(), password: form.password });
      else {
        const { displayName, handle, email, password } = form;
        await session.register({ displayName: displayName.trim(), handle, email: email.trim(), password });
      }
    } catch (error) {
      // The server's verdict on the display name goes on that field, like the form's own checks.
      const fromServer = nameErrorsFromServer(error).displayName;
      if (fromServer) setErrors((current) => ({ ...current, displayName: fromServer }));
      setFailure(error);
      setSending(false);
    }
  };

  const registering = mode === 'register';
  return (
    <section className="auth card" aria-labelledby="auth-title">
      <h1 id="auth-title">{registering ? t('auth.registerTitle') : t('auth.signInTitle')}</h1>
      <p className="auth__intro">{t('auth.intro')}</p>
      <form onSubmit={submit} noValidate data-testid="auth-form" data-mode={mode}>
        {registering ? (
          <>
            <TextField label={t('field.displayName')} autoComplete="name" {...field('displayName')} />
            <TextField
              label={t('field.handle')}
              hint={t('auth.handleHint')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              {...field('handle')}
            />
            <TextField label={t('field.email')} type="email" autoComplete="email" {...field('email')} />
          </>
        ) : (
          <TextField
            label={t('field.login')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...field('login')}
          />
        )}
        <TextField
          label={t('field.password')}
          type="password"
          hint={registering ? t('auth.passwordHint') : undefined}
          autoComplete={registering ? 'new-password' : 'current-password'}
          {...field('password')}
        />
        <button type="submit" className="button button--wide" disabled={sending} data-testid="auth-submit">
          {sending ? t('common.wait') : registering ? t('auth.register') : t('auth.signIn')}
        </button>
        {failure !== null && <ErrorNotice error={failure} testId="auth-error" />}
      </form>
      <p className="auth__switch">
        {registering ? t('auth.haveAccount') : t('auth.noAccount')}{' '}
        <button type="button" className="link-button" onClick={switchMode} data-testid="auth-toggle">
          {registering ? t('auth.toSignIn') : t('auth.toRegister')}
        </button>
      </p>
    </section>
  );
}
