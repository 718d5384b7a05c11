/** A user's role in one channel; what each role may do is the access library's permission map. */
export enum Role {
  Marketer = 'marketer',
  Manager = 'manager',
  Scheduler = 'scheduler',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);
