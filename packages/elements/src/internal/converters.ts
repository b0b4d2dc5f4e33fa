/** The `now` attribute of every widget: ISO 8601 text to a Date; unparseable text means "not set". */
export const dateConverter = {
  fromAttribute: (value: string | null): Date | undefined => {
    if (!value) return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  },
  toAttribute: (value: Date | undefined): string | null => (value ? value.toISOString() : null),
};
