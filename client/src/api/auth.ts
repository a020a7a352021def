// Sign-in, registration and sign-out. The server sets and clears the HttpOnly session cookie; the token is ignored.
import type { AuthResult } from '../../../server/contracts/api';
import { requestJson, requestVoid } from './http';

export interface RegisterInput {
  handle: string;
  email: string;
  password: string;
  displayName: string;
}

export interface LoginInput {
  login: string;
  password: string;
}

/** Creates an account and signs it in. */
export function register(input: RegisterInput): Promise<AuthResult> {
  return requestJson<AuthResult>('POST', '/api/auth/register', { body: input });
}

/** Signs in with a handle or e-mail address. */
export function login(input: LoginInput): Promise<AuthResult> {
  return requestJson<AuthResult>('POST', '/api/auth/login', { body: input });
}

/** Ends the session and clears the cookie. */
export function logout(): Promise<void> {
  return requestVoid('POST', '/api/auth/logout');
}
