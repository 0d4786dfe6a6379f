/**
 * Items SharePoint holds that the tracker's model cannot read (a required column left empty, a
 * column holding what the tracker does not expect): listed, flagged "Needs completing" with what is
 * missing in words, and linked to SharePoint's own edit form, where they can be completed.
 */
import * as React from 'react';
import { Link } from '@fluentui/react/lib/Link';
import { hiddenContentStyle, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { IncompleteItem } from '../../data/TrackerDataSource';
import { format, plural } from './intl';
import { columnProblemText } from './messages';
import { Notice } from './Notice';
import { useStrings } from './strings';

/** The items that need completing, as a table under a warning; nothing when there are none. */
export function NeedsCompleting(props: { items: readonly IncompleteItem[] }): JSX.Element | null {
  const theme = useTheme();
  const all = useStrings();
  const strings = all.NeedsCompleting;
  const styles = mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%', marginTop: 8, color: theme.semanticColors.bodyText },
    cell: { borderBottom: `1px solid ${theme.semanticColors.variantBorder}`, padding: '4px 6px', textAlign: 'left', verticalAlign: 'top' },
    flag: { color: theme.semanticColors.errorText, fontWeight: 600 },
    problems: { margin: 0, paddingLeft: 16 },
    srOnly: hiddenContentStyle
  });
  if (props.items.length === 0) return null;
  return (
    <section aria-labelledby="needs-completing-heading" data-testid="needs-completing">
      <Notice kind="warning">
        <span id="needs-completing-heading">{plural(strings.Count, props.items.length)}</span>
        {plural(strings.Consequence, props.items.length)}
      </Notice>
      <table className={styles.table}>
        <caption className={styles.srOnly}>{strings.Caption}</caption>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">{strings.Item}</th>
            <th className={styles.cell} scope="col">{strings.List}</th>
            <th className={styles.cell} scope="col">{strings.Status}</th>
            <th className={styles.cell} scope="col">{strings.Problems}</th>
            <th className={styles.cell} scope="col">{strings.Complete}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={`${item.list}:${item.id}`} data-testid="needs-completing-row">
              <td className={styles.cell}>{item.title === '' ? format(strings.Untitled, item.id) : item.title}</td>
              <td className={styles.cell}>{item.listTitle}</td>
              <td className={styles.cell}>
                <span className={styles.flag}>{strings.Flag}</span>
              </td>
              <td className={styles.cell}>
                <ul className={styles.problems}>
                  {item.problems.map((p) => (
                    <li key={p.column}>{columnProblemText(p, all)}</li>
                  ))}
                </ul>
              </td>
              <td className={styles.cell}>
                <Link href={item.editUrl} target="_blank" rel="noopener noreferrer">
                  {format(strings.Edit, item.id)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
