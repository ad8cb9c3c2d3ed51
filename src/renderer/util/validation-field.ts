/**
 * Server validation messages come as `field: reason` (src/shared/dispatch.ts) or as plain text
 * from the portal. Finds which of the form's fields the message is about, so the form can show it
 * on that field.
 */
export function validationField<F extends string>(
  message: string,
  fields: Record<F, readonly string[]>,
): { field: F; reason: string } | null {
  const prefixed = /^([A-Za-z][\w.]*):\s*(.+)$/s.exec(message.trim());
  if (prefixed) {
    const [, path = '', reason = ''] = prefixed;
    const head = path.split('.')[0] ?? '';
    if (Object.hasOwn(fields, head)) return { field: head as F, reason };
  }
  // Plain text: match by the words the field is known by (its label, its wire name).
  for (const field of Object.keys(fields) as F[]) {
    if (fields[field].some((word) => message.includes(word))) return { field, reason: message };
  }
  return null;
}
