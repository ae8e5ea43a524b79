// The field's own input with its LIX figure under it, recomputed as the editor types: no
// network, the shared function of the build's check (src/lib/rules/lix.ts).
import type { InputProps } from 'sanity';
import { lixLabel } from '../../src/lib/rules/index.ts';

/** `limit`: where the field's warning starts, shown beside the figure. */
export function lixInput(limit: number) {
  function LixInput(props: InputProps) {
    const label = lixLabel(props.value);
    return (
      <div>
        {props.renderDefault(props)}
        <p
          data-testid="lix"
          aria-live="polite"
          style={{ margin: '0.5rem 0 0', fontSize: '0.8125rem', opacity: 0.75 }}
        >
          {label
            ? `${label} (sikta på högst ${limit})`
            : `LIX visas när texten har ord (sikta på högst ${limit}).`}
        </p>
      </div>
    );
  }
  return LixInput;
}
