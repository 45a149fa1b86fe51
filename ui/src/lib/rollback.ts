import type { DeploymentRecord } from '../api/types';
import { historyOrder } from './serviceMatrix';

/** ui.md §5.5: rollback is offered for deploys and promotions, never for a rollback record. */
export function isRollbackRecord(record: DeploymentRecord): boolean {
  return record.deploymentKind === 'ROLLBACK' || !!record.rollbackOf;
}

/**
 * The version a rollback returns to (governance §11): the newest SUCCEEDED record of the same service
 * and environment created strictly before this one. Timestamps sort lexically in time order.
 */
export function rollbackTarget(record: DeploymentRecord, scope: DeploymentRecord[]): DeploymentRecord | undefined {
  return historyOrder(scope).find((other) => other.id !== record.id
    && other.service === record.service
    && other.environment === record.environment
    && other.state === 'SUCCEEDED'
    && other.createdAt < record.createdAt);
}

export function rolledBackBy(record: DeploymentRecord, scope: DeploymentRecord[]): DeploymentRecord[] {
  return historyOrder(scope).filter((other) => other.rollbackOf === record.id);
}
