/** Masks already applied upstream (the portal sends 110101********1234) are kept as they are. */
function alreadyMasked(value: string): boolean {
  return value.includes('*');
}

/** 13812345678 → 138****5678: enough to recognise one's own number, not enough to copy it. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (alreadyMasked(value) || value.length === 0) return value;
  if (value.length < 7) return `${value.slice(0, 1)}${'*'.repeat(Math.max(0, value.length - 1))}`;
  const keepHead = 3;
  const keepTail = 4;
  return `${value.slice(0, keepHead)}${'*'.repeat(value.length - keepHead - keepTail)}${value.slice(-keepTail)}`;
}

/** 110101199001011234 → 110101********1234 (region code and last four kept, birth date hidden). */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (alreadyMasked(value) || value.length === 0) return value;
  if (value.length < 10) return `${value.slice(0, 1)}${'*'.repeat(Math.max(0, value.length - 2))}${value.slice(-1)}`;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/**
 * A password shown without its value: a fixed row of dots (so the dots say nothing) and its length,
 * which lets the lawyer check it against the SMS.
 */
export function maskSecret(secret: string): { dots: string; length: number } {
  return { dots: '●'.repeat(6), length: [...secret].length };
}
