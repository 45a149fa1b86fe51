/** Small inline icons: no icon font or emoji, so headless browsers without emoji fonts draw them too. */
export function LockIcon({ title }: { title: string }) {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" role="img" aria-label={title} data-testid="lock-icon">
      <title>{title}</title>
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

export function ExternalIcon() {
  return (
    <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden="true" style={{ marginLeft: 3 }}>
      <path d="M9 2h5v5M14 2L7 9M12 9v5H2V4h5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
