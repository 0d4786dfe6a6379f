/**
 * A traffic light as a coloured marker with its word (loc `Values.trafficLight`) beside it: colour
 * is never the only signal, and the word keeps the text contrast of the theme.
 */
import * as React from 'react';
import { mergeStyles } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { ITheme } from '@fluentui/react';
import type { TrafficLight } from '../../core/model';
import { useStrings } from './strings';
import { displayValue } from './values';

/** Marker colours for each light, chosen for 3:1 against white and dark grounds. */
export function lightColour(light: TrafficLight, theme: ITheme): string {
  switch (light) {
    case 'RED':
      return '#d13438';
    case 'AMBER':
      return '#ca5010';
    case 'GREEN':
      return '#107c10';
    case 'WHITE':
      return theme.palette.white;
  }
}

export function TrafficLightBadge(props: { light: TrafficLight }): JSX.Element {
  const theme = useTheme();
  const names = useStrings().Values;
  const marker = mergeStyles({
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 6,
    marginRight: 6,
    verticalAlign: 'middle',
    background: lightColour(props.light, theme),
    border: `1px solid ${theme.semanticColors.bodyText}`
  });
  return (
    <span>
      <span className={marker} aria-hidden="true" />
      {displayValue(names, 'trafficLight', props.light)}
    </span>
  );
}
