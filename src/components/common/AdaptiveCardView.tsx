/**
 * One Adaptive Card drawn by the `adaptivecards` renderer itself, as Teams draws it, with a host
 * config taken from the Fluent theme. Card Markdown goes through markdown-it (raw HTML off) and
 * then DOMPurify. Used by the workbench's inbox and the reminder rules' card preview.
 */
import * as React from 'react';
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { AdaptiveCard, ExecuteAction, HostConfig, OpenUrlAction } from 'adaptivecards';
import type { Action } from 'adaptivecards';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { ITheme } from '@fluentui/react/lib/Styling';
import { format } from './intl';
import { useStrings } from './strings';

// Teams renders a Markdown subset in TextBlocks; raw HTML in the text is never markup.
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: false });
const CARD_HTML = { ALLOWED_TAGS: ['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'br', 'code'], ALLOWED_ATTR: ['href'] };
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = DOMPurify.sanitize(markdown.render(text), CARD_HTML);
  result.didProcess = true;
};

/** The Adaptive Cards host config for a Fluent theme: the card's colours are the page's. */
export function cardHostConfig(theme: ITheme): HostConfig {
  const s = theme.semanticColors;
  // Colours the reminder cards do not use fall back to body text, which meets contrast in every theme.
  const plain = { default: s.bodyText, subtle: s.bodySubtext };
  const colours = (background: string): Record<string, unknown> => ({
    backgroundColor: background,
    foregroundColors: {
      default: plain,
      dark: plain,
      light: plain,
      accent: { default: s.link, subtle: s.link },
      good: plain,
      warning: plain,
      attention: { default: s.errorText, subtle: s.errorText }
    }
  });
  return new HostConfig({
    fontFamily: '"Segoe UI", "Liberation Sans", Arial, sans-serif',
    supportsInteractivity: true,
    separator: { lineThickness: 1, lineColor: s.variantBorder },
    containerStyles: { default: colours(s.bodyBackground), emphasis: colours(s.bodyStandoutBackground) },
    actions: { maxActions: 5, spacing: 'default', buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left', showCard: { actionMode: 'inline' } }
  });
}

/** One Adaptive Card, parsed and rendered by the `adaptivecards` renderer into the page. */
export function AdaptiveCardView(props: {
  card: Record<string, unknown>;
  theme: ITheme;
  onLink: (url: string) => void;
  /** An `Action.Execute` chosen on the card: its verb, and its data with the card's inputs. */
  onExecute?: (verb: string, data: unknown) => void;
}): JSX.Element {
  const { card, theme, onLink } = props;
  // Read when an action is chosen, so that a new callback does not redraw the card (and clear what
  // the person has typed into its inputs).
  const execute = React.useRef(props.onExecute);
  execute.current = props.onExecute;
  const host = React.useRef<HTMLDivElement>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const words = useStrings().Common;
  React.useEffect(() => {
    const target = host.current;
    if (target === null) return undefined;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = cardHostConfig(theme);
    adaptive.onExecuteAction = (action: Action) => {
      if (action instanceof OpenUrlAction && action.url !== undefined) onLink(action.url);
      else if (action instanceof ExecuteAction) execute.current?.(action.verb ?? '', action.data);
    };
    adaptive.onAnchorClicked = (_element, anchor, event) => {
      event?.preventDefault();
      onLink(anchor.getAttribute('href') ?? '');
      return true;
    };
    try {
      adaptive.parse(card);
      const rendered = adaptive.render();
      if (rendered === undefined) throw new Error(words.CardEmpty);
      target.replaceChildren(rendered);
      setFailure(null);
    } catch (e) {
      target.replaceChildren();
      setFailure(format(words.CardNotShown, e instanceof Error ? e.message : String(e)));
    }
    return () => target.replaceChildren();
  }, [card, theme, onLink, words]);
  return (
    <>
      <div ref={host} data-testid="adaptive-card" />
      {failure !== null && <MessageBar messageBarType={MessageBarType.error}>{failure}</MessageBar>}
    </>
  );
}
