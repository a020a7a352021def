// Checks the sign-in and registration forms before sending, with messages from the dictionaries.
import type { PlainKey } from '../i18n/types';
import { nameError } from './nameValidation';

export interface AuthForm {
  displayName: string;
  handle: string;
  email: string;
  login: string;
  password: string;
}

export type AuthMode = 'signIn' | 'register';
export type AuthErrors = Partial<Record<keyof AuthForm, PlainKey>>;

/** The problems with a form, by field; empty when it may be sent. The server checks again. */
export function validateAuth(mode: AuthMode, form: AuthForm): AuthErrors {
  const errors: AuthErrors = {};
  if (mode === 'signIn') {
    if (!form.login.trim()) errors.login = 'validation.required';
    if (!form.password) errors.password = 'validation.required';
    return errors;
  }
  const displayNameError = nameError(form.displayName);
  if (displayNameError) errors.displayName = displayNameError;
  if (!/^[a-z0-9_]{3,32}$/.test(form.handle)) errors.handle = form.handle ? 'validation.handle' : 'validation.required';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) {
    errors.email = form.email ? 'validation.email' : 'validation.required';
  }
  if (form.password.length < 10) errors.password = form.password ? 'validation.password' : 'validation.required';
  return errors;
}
