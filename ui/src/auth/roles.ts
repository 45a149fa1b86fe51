export type Role = 'PLATFORM_ADMIN' | 'DELIVERY_OWNER' | 'OBSERVER' | 'CI_PUBLISHER';

/** ui.md §1 / governance §1: the first claim value that names a DXCP role wins. */
const CLAIM_VALUES: [string, Role][] = [
  ['dxcp-platform-admins', 'PLATFORM_ADMIN'],
  ['dxcp-delivery-owners', 'DELIVERY_OWNER'],
  ['dxcp-observers', 'OBSERVER'],
  ['dxcp-ci-publishers', 'CI_PUBLISHER'],
  ['dxcp-ci-publisher', 'CI_PUBLISHER'],
];

export function roleFromClaims(claims: Record<string, unknown>, rolesClaim: string): Role | null {
  const values = claims[rolesClaim];
  if (!Array.isArray(values)) {
    return null;
  }
  for (const value of values) {
    const match = CLAIM_VALUES.find(([claim]) => claim === value);
    if (match) {
      return match[1];
    }
  }
  return null;
}

export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  DELIVERY_OWNER: 'Delivery owner',
  OBSERVER: 'Observer',
  CI_PUBLISHER: 'CI publisher',
};

export function canMutate(role: Role | null): boolean {
  return role === 'PLATFORM_ADMIN' || role === 'DELIVERY_OWNER';
}
