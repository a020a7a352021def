// One socket per signed-in user, opened after sign-in (so the cookie exists) and closed on sign-out.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { connectSocket, type RukunSocket } from './socket';

const RealtimeContext = createContext<RukunSocket | null>(null);

/** Provides a socket for `userId`; a new user gets a new connection. */
export function RealtimeProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [socket, setSocket] = useState<RukunSocket | null>(null);

  useEffect(() => {
    const opened = connectSocket();
    setSocket(opened);
    return () => {
      opened.disconnect();
      setSocket(null);
    };
  }, [userId]);

  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

/** The current socket, or null before it is opened. */
export function useSocket(): RukunSocket | null {
  return useContext(RealtimeContext);
}
