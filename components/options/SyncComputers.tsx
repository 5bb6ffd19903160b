import { type Signal, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { passphraseProblem } from '../../utils/domain/sync/checks';
import { t, uiLanguage } from '../../utils/platform/i18n';
import type { SyncConfig } from '../../utils/platform/sync/config';
import { askSync, type SyncReply } from '../../utils/platform/sync/messages';
import type { ComputerInfo } from '../../utils/platform/sync/names';

/** A line of words after an action: its outcome, or the problem. */
type Said = { text: string; problem: boolean } | null;

/** What `ask` keeps: whether a request is under way, and what the last one said. */
type AskState = { busy: Signal<boolean>; said: Signal<Said> };

/** Ask the background, keep the busy flag, and say the outcome (the fault's words come from the panel). */
async function ask(
  { busy, said }: AskState,
  request: () => Promise<SyncReply>,
  done: (reply: SyncReply & { ok: true }) => string,
  faultText: (fault: string) => string,
): Promise<boolean> {
  busy.value = true;
  said.value = { text: t('serverSyncWorking'), problem: false };
  try {
    const reply = await request();
    said.value = reply.ok ? { text: done(reply), problem: false } : { text: faultText(reply.fault), problem: true };
    return reply.ok;
  } finally {
    busy.value = false;
  }
}

/** The passphrase in use now, asked for when another computer made a new key (or removed this one). */
export function SyncRejoin({ faultText }: { faultText: (fault: string) => string }) {
  const passphrase = useSignal('');
  const busy = useSignal(false);
  const said = useSignal<Said>(null);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void ask(
      { busy, said },
      () => askSync({ type: 'syncRejoin', passphrase: passphrase.value }),
      () => t('serverSyncRejoined'),
      faultText,
    ).then((ok) => {
      if (ok) passphrase.value = '';
    });
  };
  return (
    <form onSubmit={onSubmit}>
      <PassField id="sync-rejoin" label={t('serverSyncRejoinLabel')} value={passphrase} autocomplete="current-password" />
      <button type="submit" disabled={busy.value}>
        {t('serverSyncRejoin')}
      </button>
      <p role="status" class={said.value?.problem ? 'problem' : 'small'}>
        {said.value?.text ?? ''}
      </p>
    </form>
  );
}

/** The computers that sync (named by the person, last seen), removing one, and changing the passphrase. */
export function SyncComputers({ config, faultText }: { config: NonNullable<SyncConfig>; faultText: (fault: string) => string }) {
  const time = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }), []);
  const name = useSignal(config.name ?? '');
  const computers = useSignal<ComputerInfo[] | null>(null);
  const removing = useSignal<ComputerInfo | null>(null);
  const passphrase = useSignal('');
  const fresh = useSignal('');
  const again = useSignal('');
  const busy = useSignal(false);
  const said = useSignal<Said>(null);
  const label = (c: ComputerInfo) => c.name || t('serverSyncUnnamed');

  const load = () =>
    ask(
      { busy, said },
      () => askSync({ type: 'syncComputers' }),
      (reply) => {
        computers.value = reply.computers ?? [];
        return '';
      },
      faultText,
    );
  const onName = (e: Event) => {
    e.preventDefault();
    void ask(
      { busy, said },
      () => askSync({ type: 'syncName', name: name.value }),
      () => t('serverSyncNameSaved'),
      faultText,
    );
  };
  const onRemove = (e: Event) => {
    e.preventDefault();
    const gone = removing.value;
    if (!gone) return;
    void ask(
      { busy, said },
      () => askSync({ type: 'syncRekey', passphrase: passphrase.value, remove: [gone.dev] }),
      () => t('serverSyncRemoved'),
      faultText,
    ).then((ok) => {
      if (!ok) return;
      passphrase.value = '';
      removing.value = null;
      void load().then(() => (said.value = { text: t('serverSyncRemoved'), problem: false }));
    });
  };
  const onChange = (e: Event) => {
    e.preventDefault();
    if (fresh.value !== again.value) {
      said.value = { text: t('serverSyncNotSame'), problem: true };
      return;
    }
    const weak = passphraseProblem(fresh.value);
    if (weak) {
      said.value = { text: faultText(weak), problem: true };
      return;
    }
    void ask(
      { busy, said },
      () => askSync({ type: 'syncRekey', passphrase: fresh.value, remove: [] }),
      () => t('serverSyncChanged'),
      faultText,
    ).then((ok) => {
      if (!ok) return;
      fresh.value = '';
      again.value = '';
    });
  };

  return (
    <div>
      <h3>{t('serverSyncComputersHeading')}</h3>
      <form onSubmit={onName}>
        <div class="field">
          <label for="sync-name">{t('serverSyncThisName')}</label>
          <input
            id="sync-name"
            type="text"
            maxLength={200}
            value={name.value}
            onInput={(e) => (name.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="row">
          <button type="submit" disabled={busy.value}>
            {t('serverSyncNameSave')}
          </button>
          <button type="button" disabled={busy.value} onClick={() => void load()}>
            {t('serverSyncComputersShow')}
          </button>
        </div>
      </form>
      {computers.value && (
        <ul aria-label={t('serverSyncComputersHeading')}>
          {computers.value.map((c) => (
            <li key={c.dev}>
              {c.self ? t('serverSyncThisComputer', label(c)) : label(c)}
              {' · '}
              {c.seenAt === null ? t('serverSyncSeenUnknown') : t('serverSyncSeen', time.format(c.seenAt))}
              {!c.self && (
                <button type="button" aria-label={t('serverSyncRemoveNamed', label(c))} onClick={() => (removing.value = c)}>
                  {t('serverSyncRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removing.value && (
        <form onSubmit={onRemove}>
          <p class="small">{t('serverSyncRemoveAsk', label(removing.value))}</p>
          <PassField
            id="sync-remove-passphrase"
            label={t('serverSyncRemovePassphrase')}
            value={passphrase}
            autocomplete="current-password"
          />
          <div class="row">
            <button type="submit" disabled={busy.value}>
              {t('serverSyncRemoveConfirm')}
            </button>
            <button type="button" onClick={() => (removing.value = null)}>
              {t('serverSyncCancel')}
            </button>
          </div>
        </form>
      )}
      <h3>{t('serverSyncChangeHeading')}</h3>
      <form onSubmit={onChange}>
        <PassField id="sync-new-passphrase" label={t('serverSyncNewPassphrase')} value={fresh} autocomplete="new-password" />
        <PassField id="sync-new-passphrase-again" label={t('serverSyncNewPassphraseAgain')} value={again} autocomplete="new-password" />
        <p class="small muted">{t('serverSyncChangeNote')}</p>
        <button type="submit" disabled={busy.value}>
          {t('serverSyncChangeButton')}
        </button>
      </form>
      <p role="status" class={said.value?.problem ? 'problem' : 'small'}>
        {said.value?.text ?? ''}
      </p>
    </div>
  );
}

/** A labelled passphrase field bound to a signal. */
function PassField(props: { id: string; label: string; value: Signal<string>; autocomplete: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        required
        autocomplete={props.autocomplete}
        value={props.value.value}
        onInput={(e) => (props.value.value = (e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
