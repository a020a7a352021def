// Paths of the surveys screens. Community-scoped: /c/:slug/surveys, /c/:slug/surveys/new. Survey-scoped (the survey
// knows its community): /surveys/:id (answer, or the manager's overview), /surveys/:id/edit, /surveys/:id/results.
export type SurveyRoute =
  | { name: 'list'; slug: string }
  | { name: 'new'; slug: string }
  | { name: 'survey'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'results'; id: string };

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** The surveys route of a location, or null when it is another screen. */
export function matchSurveyRoute(location: { pathname: string }): SurveyRoute | null {
  const path = location.pathname.replace(/\/+$/, '');
  const community = /^\/c\/([^/]+)\/surveys(?:\/(new))?$/.exec(path);
  if (community?.[1]) {
    const slug = decode(community[1]);
    if (slug === null) return null;
    return community[2] === 'new' ? { name: 'new', slug } : { name: 'list', slug };
  }
  const survey = /^\/surveys\/([^/]+)(?:\/(edit|results))?$/.exec(path);
  if (survey?.[1]) {
    const id = decode(survey[1]);
    if (id === null) return null;
    const sub = survey[2];
    if (sub === 'edit' || sub === 'results') return { name: sub, id };
    return { name: 'survey', id };
  }
  return null;
}

/** A community's surveys. */
export const surveysPath = (slug: string): string => `/c/${encodeURIComponent(slug)}/surveys`;

/** The builder for a new survey. */
export const newSurveyPath = (slug: string): string => `/c/${encodeURIComponent(slug)}/surveys/new`;

/** One survey's page, or its edit or results screen. */
export function surveyPath(id: string, sub?: 'edit' | 'results'): string {
  const base = `/surveys/${encodeURIComponent(id)}`;
  return sub ? `${base}/${sub}` : base;
}
