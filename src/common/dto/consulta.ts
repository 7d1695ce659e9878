/** A query-string boolean: "true"/"false" become booleans; anything else is left for the validator to refuse. */
export const aBooleano = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
