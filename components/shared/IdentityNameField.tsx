import { COACHEE_NAME_MAX } from '../../utils/domain/model';
import { ensureIdentity } from '../../utils/platform/card-exchange';
import type { StoredSignal } from '../../utils/platform/stored-signal';

/**
 * The name this browser's user signs their cards with, kept in the card identity
 * (`identity`, the stored identityStore): typed before the identity reached the
 * page, it is kept once the identity is made (never dropped).
 */
export function IdentityNameField({
  id,
  label,
  identity,
}: {
  id: string;
  label: string;
  identity: StoredSignal<{ id: string; name: string } | null>;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        maxLength={COACHEE_NAME_MAX}
        value={identity.value.value?.name ?? ''}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value.slice(0, COACHEE_NAME_MAX);
          const current = identity.value.peek();
          if (current) identity.set({ ...current, name: value });
          else void ensureIdentity().then((made) => identity.set({ ...made, name: value }));
        }}
      />
    </div>
  );
}
