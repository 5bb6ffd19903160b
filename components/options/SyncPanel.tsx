import { type Signal, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { addressProblem, passphraseProblem } from '../../utils/domain/sync/checks';
import type { SyncFault } from '../../utils/domain/sync/faults';
import { type MessageKey, t, uiLanguage } from '../../utils/platform/i18n';
import { type SyncConfig, type SyncStatus, syncConfigStore, syncStatusStore } from '../../utils/platform/sync/config';
import { askSync, requestHostAccess, type SyncReply } from '../../utils/platform/sync/messages';
import { useStored } from '../hooks/useStored';
import { SyncComputers, SyncRejoin } from './SyncComputers';

/** Each problem in words, with what to do about it. */
const FAULT_TEXT: Record<SyncFault, MessageKey> = {
  unreachable: 'serverSyncFaultUnreachable',
  timeout: 'serverSyncFaultTimeout',
  auth: 'serverSyncFaultAuth',
  forbidden: 'serverSyncFaultForbidden',
  notFound: 'serverSyncFaultNotFound',
  conflict: 'serverSyncFaultConflict',
  precondition: 'serverSyncFaultPrecondition',
  locked: 'serverSyncFaultLocked',
  server: 'serverSyncFaultServer',
  full: 'serverSyncFaultFull',
  unexpected: 'serverSyncFaultUnexpected',
  noAccess: 'serverSyncFaultNoAccess',
  wrongPassphrase: 'serverSyncFaultWrongPassphrase',
  altered: 'serverSyncFaultAltered',
  missing: 'serverSyncFaultMissing',
  keyMissing: 'serverSyncFaultKeyMissing',
  badAddress: 'serverSyncBadAddress',
  insecure: 'serverSyncNeedsHttps',
  weakPassphrase: 'serverSyncShortPassphrase',
  signedOut: 'serverSyncFaultSignedOut',
  keyChanged: 'serverSyncFaultKeyChanged',
  removed: 'serverSyncFaultRemoved',
};

/** The words for a fault kind (an unknown kind reads as unexpected). */
function faultText(fault: string): string {
  return t(FAULT_TEXT[fault as SyncFault] ?? 'serverSyncFaultUnexpected');
}

/** Sync through the coach's own WebDAV server: set up, status, sync now, stop. */
export function SyncPanel() {
  const config = useStored(syncConfigStore, { debounceMs: 0 });
  const status = useStored(syncStatusStore, { debounceMs: 0 });
  // Kept here, not in the setup form: what was typed and said stays when sync stops and the form shows again.
  const form = {
    url: useSignal(''),
    user: useSignal(''),
    password: useSignal(''),
    passphrase: useSignal(''),
    message: useSignal<{ text: string; problem: boolean } | null>(null),
    busy: useSignal(false),
  };
  const current = config.value.value;
  return current ? <SyncRunning config={current} status={status.value.value} busy={form.busy} /> : <SyncSetup form={form} />;
}

/** What the setup form holds (see SyncPanel). */
interface SyncForm {
  url: Signal<string>;
  user: Signal<string>;
  password: Signal<string>;
  passphrase: Signal<string>;
  message: Signal<{ text: string; problem: boolean } | null>;
  busy: Signal<boolean>;
}

/** The server's address, the account and the passphrase; a test of the server, and starting sync. */
function SyncSetup({ form }: { form: SyncForm }) {
  const { url, user, password, passphrase, message, busy } = form;
  /** Ask for access to the server's origin: the first thing a click does (the browser needs the gesture). */
  const askAccess = (): Promise<boolean> | null => {
    const problem = addressProblem(url.value.trim());
    if (problem) {
      message.value = { text: faultText(problem), problem: true };
      return null;
    }
    return requestHostAccess(url.value.trim());
  };

  /** After access is granted, ask the background and show its answer. */
  const run = async (
    granted: Promise<boolean> | null,
    request: () => Promise<SyncReply>,
    done: (reply: SyncReply & { ok: true }) => string,
  ) => {
    if (!granted) return;
    busy.value = true;
    message.value = { text: t('serverSyncWorking'), problem: false };
    try {
      if (!(await granted)) {
        message.value = { text: faultText('noAccess'), problem: true };
        return;
      }
      const reply = await request();
      message.value = reply.ok ? { text: done(reply), problem: false } : { text: faultText(reply.fault), problem: true };
    } finally {
      busy.value = false;
    }
  };

  const onTest = () =>
    run(
      askAccess(),
      () => askSync({ type: 'syncTest', url: url.value.trim(), user: user.value, password: password.value }),
      (reply) => (reply.found === 'sidecoach' ? t('serverSyncFoundData') : t('serverSyncFoundEmpty')),
    );

  const onStart = (e: Event) => {
    e.preventDefault();
    // The background checks both again; saying it here spares the person the permission prompt.
    const weak = passphraseProblem(passphrase.value);
    if (weak) {
      message.value = { text: faultText(weak), problem: true };
      return;
    }
    void run(
      askAccess(),
      () => askSync({ type: 'syncStart', url: url.value.trim(), user: user.value, password: password.value, passphrase: passphrase.value }),
      () => {
        passphrase.value = '';
        password.value = '';
        return t('serverSyncStarted');
      },
    );
  };

  return (
    <section class="card" aria-labelledby="server-sync-heading">
      <h2 id="server-sync-heading">{t('serverSyncHeading')}</h2>
      <p class="small muted">{t('serverSyncIntro')}</p>
      <form onSubmit={onStart}>
        <Field id="sync-url" label={t('serverSyncAddress')} value={url} type="url" placeholder={t('serverSyncAddressExample')} />
        <Field id="sync-user" label={t('serverSyncUser')} value={user} type="text" autocomplete="username" />
        <Field id="sync-password" label={t('serverSyncPassword')} value={password} type="password" autocomplete="current-password" />
        <Field id="sync-passphrase" label={t('serverSyncPassphrase')} value={passphrase} type="password" autocomplete="new-password" />
        <p class="small muted">{t('serverSyncPassphraseNote')}</p>
        <div class="row">
          <button type="button" disabled={busy.value} onClick={() => void onTest()}>
            {t('serverSyncTest')}
          </button>
          <button type="submit" disabled={busy.value}>
            {t('serverSyncStart')}
          </button>
        </div>
      </form>
      <p role="status" class={message.value?.problem ? 'problem' : 'small'}>
        {message.value?.text ?? ''}
      </p>
    </section>
  );
}

/** Sync at work: with whom, when last, what waits, the last problem; sync now, or stop. */
function SyncRunning({ config, status: s, busy }: { config: NonNullable<SyncConfig>; status: SyncStatus; busy: Signal<boolean> }) {
  const time = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }), []);
  const lines = [
    s.running ? t('serverSyncRunning') : s.lastSyncedAt ? t('serverSyncLast', time.format(s.lastSyncedAt)) : t('serverSyncNever'),
    s.waiting > 0 ? t('serverSyncWaiting', s.waiting) : t('serverSyncNothingWaiting'),
  ];
  // Another computer made a new key (or removed this one): the passphrase in use now is asked for, nothing else.
  const keyAsked = s.problem?.fault === 'keyChanged' || s.problem?.fault === 'removed';
  return (
    <section class="card" aria-labelledby="server-sync-heading">
      <h2 id="server-sync-heading">{t('serverSyncHeading')}</h2>
      <p class="small">{t('serverSyncWith', config.url, config.user)}</p>
      <p role="status">{lines.join(' ')}</p>
      {s.problem && (
        <p role="alert" class="problem">
          {t('serverSyncProblemAt', time.format(s.problem.at))} {faultText(s.problem.fault)}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          disabled={busy.value || s.running}
          onClick={() => {
            busy.value = true;
            void askSync({ type: 'syncNow' }).finally(() => (busy.value = false));
          }}
        >
          {t('serverSyncNow')}
        </button>
        <button type="button" onClick={() => void askSync({ type: 'syncStop' })}>
          {t('serverSyncStop')}
        </button>
      </div>
      <p class="small muted">{t('serverSyncStopNote')}</p>
      {keyAsked ? <SyncRejoin faultText={faultText} /> : <SyncComputers config={config} faultText={faultText} />}
    </section>
  );
}

/** One labelled text field of the set-up form, bound to a signal. */
function Field(props: {
  id: string;
  label: string;
  value: Signal<string>;
  type: 'url' | 'text' | 'password';
  placeholder?: string;
  autocomplete?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        // Preact's input types split password from text fields; the attributes used here suit all three.
        type={props.type as 'text'}
        required
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        value={props.value.value}
        onInput={(e) => (props.value.value = (e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
