/** The BullMQ queue used when --queue-name is not given (kept apart so the CLI can show it without loading BullMQ). */
export const DEFAULT_QUEUE_NAME = 'report-metrics';
