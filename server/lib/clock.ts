/** The time source passed into code with time rules, so tests can fix "now". */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();
