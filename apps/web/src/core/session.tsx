import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { currentLanguage, switchLanguage } from './i18n';
import { isLang, Lang } from './languages';

const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      role
      name
      language
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

const SetLanguageMutation = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      language
    }
  }
`);

export type Role = 'ADMIN' | 'ORGANIZER' | 'TRAINER' | 'FOCAL_POINT' | 'PARTICIPANT';

export interface SessionUser {
  id: string;
  email: string | null;
  role: Role | null;
  name: string | null;
}

interface Session {
  /** The signed-in account, or null. Undefined while it is being asked for. */
  user: SessionUser | null | undefined;
  refresh: () => void;
  logout: () => Promise<void>;
  /** Switches the language, and remembers it on the account when signed in. */
  chooseLanguage: (lang: Lang) => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, refetch] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const [, logoutMutation] = useMutation(LogoutMutation);
  const [, setLanguage] = useMutation(SetLanguageMutation);
  // Anonymous callers get UNAUTHENTICATED from `me`: that is "nobody", not a failure.
  const user = me.fetching && !me.data && !me.error ? undefined : (me.data?.me ?? null);
  const saved = me.data?.me.language?.toLowerCase();

  useEffect(() => {
    if (isLang(saved) && saved !== currentLanguage()) void switchLanguage(saved);
  }, [saved]);

  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const value = useMemo<Session>(
    () => ({
      user: user,
      refresh,
      logout: async () => {
        await logoutMutation({});
        refresh();
      },
      chooseLanguage: async (lang) => {
        // Stored first: the pages are then read again in the new language, and an account
        // read meanwhile must not bring the old language back (the effect above).
        if (user) await setLanguage({ language: lang.toUpperCase() as 'EN' | 'RU' | 'UZ' });
        await switchLanguage(lang);
      },
    }),
    [user, refresh, logoutMutation, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
