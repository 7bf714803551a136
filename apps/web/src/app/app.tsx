import { ErrorMessage, Loading } from '../components/ui/query-state';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { useMe } from '../lib/me';
import { AppLayout } from './layout';
import { AppProvider } from './provider';
import { AppRoutes } from './routes/router';

export function App() {
  return (
    <AppProvider>
      <AuthGate />
    </AppProvider>
  );
}

/** Signed in: the app; not signed in: the sign-in form at the same URL. */
function AuthGate() {
  const me = useMe();
  if (me.isPending) return <Loading label="Starter LIS …" />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => me.refetch()} />;
  if (me.data === null) return <SignInPage />;
  return (
    <AppLayout me={me.data}>
      <AppRoutes />
    </AppLayout>
  );
}
