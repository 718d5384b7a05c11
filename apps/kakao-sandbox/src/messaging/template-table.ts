export const TEMPLATE_OBJECT_TYPES = [
  'calendar',
  'feed',
  'list',
  'location',
  'commerce',
  'text',
] as const;

export type TemplateObjectType = (typeof TEMPLATE_OBJECT_TYPES)[number];

export interface CalendarTarget {
  idType: 'event' | 'calendar';
  id: string;
}

export interface TemplateEntry {
  /** Canonical JSON (keys sorted), the identity of the template. */
  json: string;
  objectType: TemplateObjectType;
  /** What Kakao's fixed button adds (calendar templates only). */
  target?: CalendarTarget;
  hasCustomButton: boolean;
}

/** Each distinct template is stored once; deliveries refer to it by index. */
export interface TemplateTableData {
  entries: TemplateEntry[];
  /** Index rebuilt on load, never persisted. */
  byJson: Map<string, number>;
}

export function createTemplateTableData(): TemplateTableData {
  return { entries: [], byJson: new Map() };
}

export function internTemplate(table: TemplateTableData, entry: TemplateEntry): number {
  const existing = table.byJson.get(entry.json);
  if (existing !== undefined) {
    return existing;
  }
  const ref = table.entries.length;
  table.entries.push(entry);
  table.byJson.set(entry.json, ref);
  return ref;
}

export function rebuildTemplateIndex(table: TemplateTableData): void {
  table.byJson = new Map(table.entries.map((entry, index) => [entry.json, index]));
}
