import { Suspense } from 'react';
import {
  Anchor,
  AppShell,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { Loading } from './components';
import { currentLanguage, useMessages } from './i18n';
import { LANGUAGE_NAMES, LANGUAGES } from './languages';
import { coreMessages } from './messages';
import { Role, useSession } from './session';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/my/conferences', label: 'nav.myConferences', roles: ['PARTICIPANT'] },
  { to: '/my/trainings', label: 'nav.myTrainings', roles: ['PARTICIPANT'] },
  { to: '/my/certificates', label: 'nav.myCertificates', roles: ['PARTICIPANT'] },
  { to: '/my/evaluations', label: 'nav.myEvaluations', roles: ['PARTICIPANT'] },
  { to: '/my/delegations', label: 'nav.myDelegations', roles: ['FOCAL_POINT'] },
  { to: '/manage/editions', label: 'nav.editions', roles: ['ORGANIZER', 'ADMIN'] },
  { to: '/trainings/events', label: 'nav.events', roles: ['TRAINER', 'ORGANIZER', 'ADMIN'] },
  {
    to: '/trainings/indicators',
    label: 'nav.indicators',
    roles: ['TRAINER', 'ORGANIZER', 'ADMIN'],
  },
  { to: '/manage/outbox', label: 'nav.outbox', roles: ['ORGANIZER', 'ADMIN'] },
  { to: '/admin/accounts', label: 'nav.accounts', roles: ['ADMIN'] },
  { to: '/admin/series', label: 'nav.series', roles: ['ADMIN'] },
  { to: '/verify', label: 'nav.verify' },
];

/** The frame of every page: the header with language and account, the menu, the page. */
export function Layout() {
  const { t } = useMessages('core', coreMessages);
  const { user, logout, chooseLanguage } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const items = NAV.filter((item) => !item.roles || (user?.role && item.roles.includes(user.role)));
  const lang = currentLanguage();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('menu')}
            />
            {/* On a narrow phone the name gives way, so the account menu stays on screen. */}
            <Anchor component={Link} to="/" fw={700} c="inherit" underline="never" truncate="end">
              {t('appName')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Menu>
              <Menu.Target>
                <UnstyledButton aria-label={`${t('language')}: ${LANGUAGE_NAMES[lang]}`} px="xs">
                  <Text size="sm">{LANGUAGE_NAMES[lang]}</Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                {LANGUAGES.map((code) => (
                  <Menu.Item key={code} lang={code} onClick={() => void chooseLanguage(code)}>
                    {LANGUAGE_NAMES[code]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {user ? (
              <Menu>
                <Menu.Target>
                  <UnstyledButton px="xs">
                    <Text size="sm" truncate maw={{ base: 110, sm: 160 }}>
                      {user.name ?? user.email}
                    </Text>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to="/account">
                    {t('nav.account')}
                  </Menu.Item>
                  <Menu.Item
                    onClick={async () => {
                      await logout();
                      void navigate('/');
                    }}
                  >
                    {t('nav.logout')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              user === null && (
                <Anchor component={Link} to="/login" size="sm">
                  {t('nav.login')}
                </Anchor>
              )
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('menu')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            end={item.to === '/'}
            label={t(item.label)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
