// Who is a developer-level user in the Studio: the project's administrators. Editors (the
// regions' and municipalities' staff) get neither the GROQ tool nor developer-only fields.
import type { CurrentUser } from 'sanity';

export function isAdministrator(user: Omit<CurrentUser, 'role'> | null | undefined): boolean {
  return user?.roles.some((role) => role.name === 'administrator') ?? false;
}
