import type { FieldAnalysis } from '../analyze';
import type { CompiledRuleSet } from '../compiledTypes';
import type { Action, CheckAuthor, CheckReason } from '../types';

/** The read-only context every phase receives. */
export interface PhaseContext {
  readonly compiled: CompiledRuleSet;
  readonly author: CheckAuthor;
  readonly now: Date;
  /** The post body, normalised and matched. */
  readonly body: FieldAnalysis;
  /** The body, then the title when there is one. */
  readonly fields: readonly FieldAnalysis[];
}

/** The answer of a phase that found nothing (shared: most phases find nothing in most posts). */
export const NO_REASONS: readonly CheckReason[] = Object.freeze([]);

/** A phase's answer: reasons, or a final action that ends the pipeline (with the reasons for it). */
export type PhaseOutcome = readonly CheckReason[] | { readonly final: Action; readonly reasons: readonly CheckReason[] };

/** One small, pure step of the checker. */
export interface Phase {
  readonly name: string;
  run(ctx: PhaseContext): PhaseOutcome;
}
