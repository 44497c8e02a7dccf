// Sends a person without a session to the sign-in page (H5 demo); in the mini-program WeChat identifies them.
import { useEffect } from 'react';
import { restart } from '@/lib/navigation';
import { needsSignIn } from '@/lib/session';

export function useSignedIn(): boolean {
  const signedIn = !needsSignIn();
  useEffect(() => {
    if (!signedIn) void restart('login');
  }, [signedIn]);
  return signedIn;
}
