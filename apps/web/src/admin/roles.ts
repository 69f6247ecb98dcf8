import type { Role } from '@plenum/contracts';

// Mirrors `roles` in @plenum/contracts, which would bring zod into the bundle as a value import.
export const roleOrder: readonly Role[] = [
  'organizer',
  'moderator',
  'speaker',
  'exhibitor',
  'attendee',
];
