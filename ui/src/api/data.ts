import { get, path, query } from './client';
import type {
  AllowedActions, DeliveryGroup, DeploymentRecord, Environment, Recipe, ServiceEntry,
} from './types';

// The reads several screens share, named for what they answer.
export const services = (signal?: AbortSignal) => get<ServiceEntry[]>('/v1/services', signal);
export const deliveryGroups = (signal?: AbortSignal) => get<DeliveryGroup[]>('/v1/delivery-groups', signal);
export const environments = (signal?: AbortSignal) => get<Environment[]>('/v1/environments', signal);
export const recipes = (signal?: AbortSignal) => get<Recipe[]>('/v1/recipes', signal);
export const deployments = (filters: { service?: string; environment?: string; state?: string } = {}, signal?: AbortSignal) =>
  get<DeploymentRecord[]>(`/v1/deployments${query(filters)}`, signal);
export const allowedActions = (service: string, signal?: AbortSignal) =>
  get<AllowedActions>(path('/v1/services/{s}/allowed-actions', service), signal);
