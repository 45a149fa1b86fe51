import type { DeliveryGroup } from '../api/types';

/** ui.md §1: a delivery group's owner string, split on commas, trimmed, lower-cased. */
export function ownersOf(group: DeliveryGroup | undefined | null): string[] {
  if (!group || !group.owner) {
    return [];
  }
  return group.owner
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0);
}

export function ownsGroup(email: string | null | undefined, group: DeliveryGroup | undefined | null): boolean {
  if (!email) {
    return false;
  }
  return ownersOf(group).includes(email.trim().toLowerCase());
}

/** The first group whose services contain the service (domain §14: at most one). */
export function groupOfService(groups: DeliveryGroup[] | undefined, service: string): DeliveryGroup | undefined {
  return (groups ?? []).find((group) => (group.services ?? []).includes(service));
}
