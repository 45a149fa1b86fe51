import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { AdminOverview } from './AdminOverview';

/**
 * ui.md §5.7, platform admins only (the shell routes others to the blocked-access page before any
 * admin call). The overview is here; the configuration, settings, audit and projection screens
 * join this sub-navigation with the admin part of the UI.
 */
const SECTIONS = [{ path: 'overview', label: 'Overview' }];

export function AdminRoutes() {
  return (
    <Stack>
      <Group gap="md" component="nav" aria-label="Admin">
        <Title order={2} mr="md">Admin</Title>
        {SECTIONS.map((section) => (
          <Anchor key={section.path} component={NavLink} to={`/admin/${section.path}`} fw={600}>{section.label}</Anchor>
        ))}
      </Group>
      <Routes>
        <Route index element={<Navigate to="overview" replace />} />
        <Route path="overview" element={<AdminOverview />} />
        <Route path="*" element={<Text data-testid="admin-unknown">This admin screen does not exist.</Text>} />
      </Routes>
    </Stack>
  );
}
