// "Min region" for an editor whom no Redaktör mapping names: what to ask, and of whom.
import type { CurrentUser } from 'sanity';

export function noRegionNotice(user: Omit<CurrentUser, 'role'> | null | undefined) {
  function NoRegionNotice() {
    return (
      <div data-testid="min-region-notice" style={{ padding: '1rem', maxWidth: '36rem' }}>
        <p style={{ marginTop: 0 }}>
          Du är inte kopplad till någon region ännu, så Min region är tom.
        </p>
        <p>
          Be en administratör i projektet Nära vård att lägga till dig under Redaktörer, med din
          e-postadress{user?.email ? ` (${user.email})` : ''} eller ditt användar-id
          {user?.id ? ` (${user.id})` : ''} och regionerna du arbetar för. Sedan visar Min region
          materialet från dina regioner.
        </p>
        <p style={{ marginBottom: 0 }}>
          Under tiden finns allt innehåll under Per region och Per typ.
        </p>
      </div>
    );
  }
  return NoRegionNotice;
}
