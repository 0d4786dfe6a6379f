/**
 * What every tracker screen sits in: the host's theme, the signed-in person, and the set-up check.
 * Where the lists are missing, a site owner is offered "Set up the tracker on this site" (which
 * provisions them through the data layer); anyone else is told plainly whom to ask.
 */
import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import type { TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';
import { Notice } from '../common/Notice';
import { PlainButton } from '../common/PlainButton';
import { useStrings } from '../common/strings';
import { errorText } from '../common/errorText';
import { checkSetUp } from './setUpCheck';
import type { SetUpState } from './setUpCheck';

export interface TrackerShellProps {
  data: TrackerDataSource;
  /** The host's theme (SPFx theme variant, Teams theme, workbench switch). */
  theme?: PartialTheme;
  title: string;
  children: (user: TrackerUser) => React.ReactNode;
  /**
   * Drawn while the set-up check is under way, in place of the spinner: a screen whose frame does
   * not depend on who is signed in draws it while its data are on the way. Drawn at the place
   * `children` takes, so that the same component (its state, its reads) carries on once the check
   * is in; replaced if the lists turn out to be missing or the check fails.
   */
  whileChecking?: () => React.ReactNode;
  /** The set-up check, if the host started it before the view was rendered. */
  setUp?: Promise<SetUpState>;
}

export function TrackerShell(props: TrackerShellProps): JSX.Element {
  const { data } = props;
  const all = useStrings();
  const strings = all.Shell;
  const [state, setState] = React.useState<SetUpState>({ kind: 'loading' });
  const [provisioning, setProvisioning] = React.useState(false);

  // Asked (unless the host asked sooner) as the shell first renders, beside the reads its view
  // starts then, not after the first paint: the answers come back with the first page of data, not
  // behind the next (larger) pages.
  const first = React.useMemo(() => props.setUp ?? checkSetUp(data), [props.setUp, data]);
  React.useEffect(() => {
    let live = true;
    void first.then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [first]);
  const check = async (): Promise<void> => setState(await checkSetUp(data));

  const setUp = async (): Promise<void> => {
    setProvisioning(true);
    try {
      await data.provision();
      await check();
    } catch (e) {
      setState({ kind: 'error', error: e });
    } finally {
      setProvisioning(false);
    }
  };

  let body: React.ReactNode;
  switch (state.kind) {
    case 'loading':
      body = props.whileChecking?.() ?? <Spinner label={strings.Loading} />;
      break;
    case 'error':
      body = (
        <Notice kind="error">{errorText(state.error, all)}</Notice>
      );
      break;
    case 'missing':
      body = state.user.canManageLists ? (
        <Stack tokens={{ childrenGap: 12 }} horizontalAlign="start">
          <Text>{strings.NotSetUpOwner}</Text>
          <PlainButton variant="primary" text={provisioning ? strings.SettingUp : strings.SetUp} disabled={provisioning} onClick={() => void setUp()} />
          {provisioning && <Spinner label={strings.CreatingLists} />}
        </Stack>
      ) : (
        <Notice kind="warning">{strings.NotSetUp}</Notice>
      );
      break;
    case 'ready':
      body = props.children(state.user);
      break;
  }

  return (
    <ThemeProvider theme={props.theme}>
      <section aria-label={props.title}>{body}</section>
    </ThemeProvider>
  );
}
