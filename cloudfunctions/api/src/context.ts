import type { Organization, User } from '@/core/schemas/documents';
import type { Actor } from '@/core/workflow/transition';
import type { Deps, Identity } from './ports';

/** Everything a handler knows about a call: the ports, the resolved caller and the server's time. */
export interface HandlerContext {
  deps: Deps;
  caller: Caller;
  now: Date;
}

/** A public action (the notice, an objection) runs without a caller. */
export interface PublicContext {
  deps: Deps;
  now: Date;
  /** Whoever the platform says is calling, if anyone (an OPENID in WeChat): used to check what they write. */
  identity?: Identity | null;
  /** Who is calling as the platform sees it (an OPENID, an address), for rate limits; never a person's identity. */
  clientKey: string;
}

/** An action for a WeChat identity that holds no role yet (taking an invitation, the first setup). */
export interface IdentityContext {
  deps: Deps;
  now: Date;
  identity: Identity;
  /** The caller as the platform sees it, for rate limits on guessed codes. */
  clientKey: string;
}

/** Where a call came from, as the platform (not the event) says. */
export interface Origin {
  clientKey: string;
}

/** Calls with no origin (a direct call) share one key, and so one allowance. */
export const ANONYMOUS_CLIENT = 'anonymous';

export interface Caller {
  user: User;
  actor: Actor;
  /**
   * The caller's organisation, read on first ask and kept for the call (most actions never need it: a round trip
   * saved on CloudBase). Ask it before a transaction: a read through the store inside one is not part of it.
   */
  organization: () => Promise<Organization>;
}

export function actorOf(user: User): Actor {
  return { userId: user._id, name: user.name, role: user.role, orgId: user.orgId };
}
