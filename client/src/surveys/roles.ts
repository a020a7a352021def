// Who may do what with surveys, as the client shows it (the server decides; this only hides controls).
import type { Role } from '../../../server/contracts/api';

/** Managers and owners build surveys, open and close them, and read their results. */
export const canManageSurveys = (role: Role | null | undefined): boolean => role === 'manager' || role === 'owner';
