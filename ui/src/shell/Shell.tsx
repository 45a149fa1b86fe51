import { Anchor, Badge, Box, Button, Container, Group, Menu, NativeSelect, Paper, Text, UnstyledButton } from '@mantine/core';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { isAdmin, mayMutate, useApp } from '../AppContext';
import { signOut } from '../auth/renewal';
import { ROLE_LABELS } from '../auth/roles';
import { AdminRoutes } from '../pages/admin/AdminRoutes';
import { DeployPage } from '../pages/DeployPage';
import { DeploymentPage } from '../pages/DeploymentPage';
import { HistoryPage } from '../pages/HistoryPage';
import { InsightsPage } from '../pages/InsightsPage';
import { ServiceListPage } from '../pages/ServiceListPage';
import { ServicePage } from '../pages/ServicePage';
import { BlockedAccessPage, NotFoundPage } from './AccessPages';
import { EmbeddedStrip, KILL_SWITCH_REASON, KillSwitchBanner, TimeTravelBanner } from './Banners';
import { TIME_TRAVEL_PAGES } from '../lib/asOf';
import { withParam } from '../lib/searchParams';

const REFRESH_CHOICES = [30, 60, 120, 300, 600, 1800, 3600];

/** ui.md §3: top bar, page-wide banners in order, then the screen of the route. */
export function Shell() {
  const app = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const asOf = TIME_TRAVEL_PAGES.test(location.pathname) ? params.get('asOf') : null;
  const backToNow = () => {
    const rest = withParam(params, 'asOf', null).toString();
    navigate(location.pathname + (rest ? `?${rest}` : ''));
  };
  return (
    <Box>
      <Paper component="header" shadow="xs" radius={0} px="lg" py={8} bg="dark.7">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to="/services" underline="never" c="white" fw={800} fz="lg">DXCP</Anchor>
            <Group gap={4} component="nav" aria-label="Main">
              <TopLink to="/services">Services</TopLink>
              <TopLink to="/deployments">Deployments</TopLink>
              <TopLink to="/insights">Insights</TopLink>
              {isAdmin(app) && <TopLink to="/admin">Admin</TopLink>}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {mayMutate(app) && !asOf && (
              <Button component={Link} to="/deploy" size="xs" data-testid="nav-deploy"
                      title={app.settings.mutations_disabled ? KILL_SWITCH_REASON : undefined}
                      variant={app.settings.mutations_disabled ? 'default' : 'filled'}>Deploy</Button>
            )}
            <UserMenu />
          </Group>
        </Group>
      </Paper>
      {app.mode === 'embedded' && <EmbeddedStrip />}
      {app.settings.mutations_disabled && <KillSwitchBanner />}
      {asOf && <TimeTravelBanner asOf={asOf} onBack={backToNow} />}
      <Container size="xl" py="lg">
        <Routes>
          <Route path="/" element={<Navigate to="/services" replace />} />
          <Route path="/services" element={<ServiceListPage />} />
          <Route path="/services/:service" element={<ServicePage />} />
          <Route path="/deploy" element={<DeployPage />} />
          <Route path="/deployments" element={<HistoryPage />} />
          <Route path="/deployments/:id" element={<DeploymentPage />} />
          <Route path="/insights" element={<InsightsPage />} />
          <Route path="/admin/*" element={isAdmin(app) ? <AdminRoutes /> : <BlockedAccessPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Container>
    </Box>
  );
}

function TopLink({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <NavLink to={to} style={{ textDecoration: 'none' }}>
      {({ isActive }) => (
        <Text component="span" px="sm" py={6} fw={600} size="sm" c={isActive ? 'white' : 'gray.4'}
              style={{ borderBottom: isActive ? '2px solid var(--mantine-color-blue-4)' : '2px solid transparent' }}>
          {children}
        </Text>
      )}
    </NavLink>
  );
}

function UserMenu() {
  const app = useApp();
  const bounds = `${app.settings.min_refresh_interval_seconds}–${app.settings.max_refresh_interval_seconds} s`;
  const choices = Array.from(new Set([...REFRESH_CHOICES, app.refreshSeconds]))
    .filter((s) => s >= app.settings.min_refresh_interval_seconds && s <= app.settings.max_refresh_interval_seconds)
    .sort((a, b) => a - b);
  return (
    <Menu position="bottom-end" width={280} closeOnItemClick={false}>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="white" data-testid="user-email">{app.email ?? app.whoami.actor_id}</Text>
            <Badge color="blue" variant="light" data-testid="role-badge">{app.role}</Badge>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Box px="sm" pb="xs">
          <Text size="sm" fw={600}>{app.email ?? app.whoami.actor_id}</Text>
          <Text size="xs" c="dimmed">{ROLE_LABELS[app.role]} ({app.role})</Text>
        </Box>
        <Menu.Divider />
        <Box px="sm" pb="xs">
          <NativeSelect label="Refresh lists every" size="xs" value={String(app.refreshSeconds)}
                        data={choices.map((s) => ({ value: String(s), label: s < 60 ? `${s} s` : `${s / 60} min` }))}
                        onChange={(event) => app.setRefreshSeconds(Number(event.currentTarget.value))} />
          <Text size="xs" c="dimmed" mt={4}>Allowed by the server: {bounds}</Text>
        </Box>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()} data-testid="sign-out">Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
