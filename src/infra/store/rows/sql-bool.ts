/** A boolean column as the driver returns it: 0/1 from SQLite (no boolean type), a boolean from PostgreSQL. */
export type SqlBool = number | boolean;

export function fromSqlBool(value: SqlBool): boolean {
  return value === true || value === 1;
}
