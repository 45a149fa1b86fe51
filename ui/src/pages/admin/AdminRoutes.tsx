import { Group, Stack, Text, Title } from '@mantine/core';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { AdminOverview } from './AdminOverview';
import { AuditPage } from './audit/AuditPage';
import { EnvironmentsPage } from './EnvironmentsPage';
import { GroupList, GroupPage } from './GroupsPage';
import { ProjectionsPage } from './ProjectionsPage';
import { RecipeList, RecipePage } from './RecipesPage';
import { RoutingPage } from './RoutingPage';
import { SettingsPage } from './settings/SettingsPage';

/**
 * ui.md §5.7, platform admins only (the shell routes others to the blocked-access page before any
 * admin call): the sub-navigation and one route per admin screen.
 */
const SECTIONS = [
  { path: 'overview', label: 'Overview' },
  { path: 'groups', label: 'Delivery groups' },
  { path: 'recipes', label: 'Recipes' },
  { path: 'environments', label: 'Environments' },
  { path: 'routing', label: 'Routing' },
  { path: 'settings', label: 'System settings' },
  { path: 'audit', label: 'Audit' },
  { path: 'projections', label: 'Projections' },
];

export function AdminRoutes() {
  return (
    <Stack>
      <Group gap="md" component="nav" aria-label="Admin">
        <Title order={2} mr="md">Admin</Title>
        {SECTIONS.map((section) => (
          <NavLink key={section.path} to={`/admin/${section.path}`} style={{ textDecoration: 'none' }} data-testid={`admin-nav-${section.path}`}>
            {({ isActive }) => (
              <Text span size="sm" fw={isActive ? 800 : 600} c={isActive ? 'dark.9' : 'blue.7'} pb={2}
                    style={{ borderBottom: isActive ? '2px solid var(--mantine-color-blue-6)' : '2px solid transparent' }}>
                {section.label}
              </Text>
            )}
          </NavLink>
        ))}
      </Group>
      <Routes>
        <Route index element={<Navigate to="overview" replace />} />
        <Route path="overview" element={<AdminOverview />} />
        <Route path="groups" element={<GroupList />} />
        <Route path="groups/:id" element={<GroupPage />} />
        <Route path="recipes" element={<RecipeList />} />
        <Route path="recipes/:id" element={<RecipePage />} />
        <Route path="environments" element={<EnvironmentsPage />} />
        <Route path="routing" element={<RoutingPage />} />
        <Route path="routing/:service" element={<RoutingPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="projections" element={<ProjectionsPage />} />
        <Route path="*" element={<Text data-testid="admin-unknown">This admin screen does not exist.</Text>} />
      </Routes>
    </Stack>
  );
}
