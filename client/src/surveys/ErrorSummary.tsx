// The list of what to fix at the end of a form: each entry a link that takes the keyboard (and the view) to its field.
import type { MouseEvent } from 'react';

/** Moves focus to `el` and brings it to the middle of the view (clear of the sticky header). */
export function reveal(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
}

export interface SummaryItem {
  /** The href fragment (an element id or a data-problem value). */
  target: string;
  text: string;
}

/** "Fix the marked fields" with one link per problem; `find` resolves a target to the control to focus. */
export function ErrorSummary({ title, items, find, testId }: { title: string; items: SummaryItem[]; find: (target: string) => HTMLElement | null; testId: string }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, target: string): void => {
    event.preventDefault();
    reveal(find(target));
  };
  return (
    <div className="notice notice--error sv-error-summary" role="alert" data-testid={testId}>
      <p className="sv-error-summary__title">{title}</p>
      {items.length > 0 && (
        <ul className="sv-error-summary__list">
          {items.map((item) => (
            <li key={item.target}>
              <a href={`#${item.target}`} onClick={(e) => go(e, item.target)}>
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
