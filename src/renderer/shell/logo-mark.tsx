/** The app's mark: a bound dossier with a seal, drawn inline (no remote or file resources). */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="32" height="32" rx="7" fill="#1e4fa3" />
      <path d="M9 7.5h11l4 4V24a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V8.5a1 1 0 0 1 1-1z" fill="#ffffff" />
      <path d="M20 7.5v4h4" fill="#c9d6ee" />
      <rect x="11" y="13" width="9" height="1.6" rx="0.8" fill="#1e4fa3" />
      <rect x="11" y="16.4" width="9" height="1.6" rx="0.8" fill="#1e4fa3" />
      <rect x="11" y="19.8" width="5.5" height="1.6" rx="0.8" fill="#1e4fa3" />
      <circle cx="21.5" cy="21.5" r="3.2" fill="#c8102e" />
    </svg>
  );
}
