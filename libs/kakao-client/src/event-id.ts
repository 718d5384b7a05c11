// Lists expand recurring series into occurrences (4.6, 4.12) whose ids name the series and the
// occurrence's UTC start: `<series id>_<YYYYMMDDTHHmmssZ>`. Owners track the series id.

const OCCURRENCE_SUFFIX = /^(.+)_\d{8}T\d{6}Z$/;

/** The series id of an occurrence id; any other id is returned as it is. */
export function seriesEventId(eventId: string): string {
  return OCCURRENCE_SUFFIX.exec(eventId)?.[1] ?? eventId;
}
