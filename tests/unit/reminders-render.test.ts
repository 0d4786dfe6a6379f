import { JSDOM } from 'jsdom';
import type { CardItem, Recipient } from '../../src/core/reminders';
import { deliveryCard } from '../../src/service/delivery';

const links = { teamsAppId: '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13', myActionsEntityId: 'myactions', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx' };
const owner: Recipient = { kind: 'user', address: 'owner@contoso.onmicrosoft.com', name: 'Head of Crime' };

function item(ref: string): CardItem {
  return {
    title: `${ref} is overdue`,
    message: `${ref} was due on 30 April 2018 and is 12 days overdue.`,
    ref,
    report: 'A progress report on the police response to domestic abuse',
    due: '30 April 2018',
    lifecycle: 'Being progressed',
    trafficLight: 'RED',
    text: 'Every police force should update its domestic abuse action plan.',
    updateUrl: `https://teams.microsoft.com/l/entity/app/myactions?context=%7B%22subEntityId%22%3A%22${ref}%22%7D`,
    openUrl: `https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx?item=${ref}`
  };
}

// The renderer builds DOM elements through the browser globals, as in the workbench page.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
const browser = dom.window as unknown as Record<string, unknown>;
for (const name of Object.getOwnPropertyNames(browser)) {
  if (/^(HTML|SVG|Node$|Element$|Event$|KeyboardEvent$|MouseEvent$)/.test(name)) Object.assign(globalThis, { [name]: browser[name] });
}
Object.assign(globalThis, { document: dom.window.document, window: dom.window });
// jsdom has no layout, hence no `innerText`, which the renderer sets text with: map it to textContent.
Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
  get(this: HTMLElement): string {
    return this.textContent ?? '';
  },
  set(this: HTMLElement, value: string) {
    this.textContent = value;
  }
});

// The UMD build: jest runs CommonJS, and the package's lib/ is ES modules.
const { AdaptiveCard, SerializationContext } = jest.requireActual<typeof import('adaptivecards')>('adaptivecards/dist/adaptivecards');

/** Renders a card with the Adaptive Cards renderer the workbench uses, failing on any parse warning. */
function render(card: Record<string, unknown>): HTMLElement {
  const adaptive = new AdaptiveCard();
  const context = new SerializationContext();
  adaptive.parse(card, context);
  expect(Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)).toEqual([]);
  const element = adaptive.render();
  if (!element) throw new Error('The card did not render.');
  return element;
}

describe('reminder cards in the Adaptive Cards renderer', () => {
  it('renders a single reminder with its facts and both buttons', () => {
    const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: [item('9')] }, links));
    expect(html.textContent).toContain('9 is overdue');
    expect(html.textContent).toContain('30 April 2018');
    expect([...html.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Post an update', 'Open item']);
  });

  it('renders a digest of 25 as 20 rows, each with its buttons, and the rest counted', () => {
    const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: Array.from({ length: 25 }, (_, i) => item(String(i + 1))) }, links));
    expect(html.textContent).toContain('Head of Crime, you have 25 reminders');
    expect(html.textContent).toContain('…and 5 more. Open My Actions to see them all.');
    expect([...html.querySelectorAll('button')].filter((b) => b.textContent === 'Post an update')).toHaveLength(20);
  });
});
