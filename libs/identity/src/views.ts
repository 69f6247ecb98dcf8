import type { UserView } from '@plenum/contracts';
import type { User } from '@plenum/db';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    isPlatformAdmin: user.isPlatformAdmin,
  };
}
