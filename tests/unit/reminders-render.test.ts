import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import type { CardItem, Recipient } from '../../src/core/reminders';
import { deliveryCard } from '../../src/service/delivery';
import { planDemoFile, readDemoPeople } from '../../src/import/demo';

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

  it("gives the owner the update form and the extension request, and no decision", () => {
    const act = { itemId: 9, etag: '"3"', lifecycle: 'Being progressed', confidence: 'Medium' };
    const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: [{ ...item('9'), act }] }, links));
    expect([...html.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Post update', 'No change since my last update', 'Ask for an extension', 'Post an update', 'Open item']);
    expect(html.querySelector('input[type="date"]')).not.toBeNull();
  });

  it.each([
    ['closure', 'Evidence: Plan published.', ['Approve closure', 'Return closure']],
    ['extension', 'Reason: Waiting for the IT system.', ['Approve extension', 'Refuse extension']]
  ] as const)('gives the approver the %s decision, with what was asked and its evidence or reason', (kind, detail, buttons) => {
    const decide = { itemId: 9, etag: '"3"', kind, asked: 'Head of Crime asked on 5 January 2026 <b>', detail };
    const html = render(deliveryCard({ deliveryId: 'd', recipient: { kind: 'user', address: 'manager@contoso.onmicrosoft.com', name: 'Chief of Staff' }, items: [{ ...item('9'), decide }] }, links));
    expect([...html.querySelectorAll('button')].map((b) => b.textContent)).toEqual([...buttons, 'Post an update', 'Open item']);
    expect(html.textContent).toContain(detail);
    // Data text is made safe for the card's Markdown, as every other text is.
    expect(html.textContent).toContain('asked on 5 January 2026 \\<b\\>');
  });

  it('renders a digest of 25 as 20 rows, each with its buttons, and the rest counted', () => {
    const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: Array.from({ length: 25 }, (_, i) => item(String(i + 1))) }, links));
    expect(html.textContent).toContain('Head of Crime, you have 25 reminders');
    expect(html.textContent).toContain('…and 5 more. Open My Actions to see them all.');
    expect([...html.querySelectorAll('button')].filter((b) => b.textContent === 'Post an update')).toHaveLength(20);
  });
});

describe('links in item text on a card', () => {
  const TENANT_DOC = 'https://contoso.sharepoint.com/sites/tracker/Shared%20Documents/Action%20plan.docx';
  const crafted: [string, string][] = [
    ['a Markdown link', '[Click](https://evil.example)'],
    ['a Markdown link in capitals', '[Click](HTTPS://EVIL.EXAMPLE/x)'],
    ['a link to a look-alike host', '[Tracker](https://contoso.sharepoint.com.evil.example/x)'],
    ['a link to javascript:', '[Open](javascript:alert(1))'],
    ['an autolink', '<https://evil.example/x>'],
    ['a bare address', 'Read https://evil.example/x before the meeting.'],
    ['a www address', 'See www.evil.example/x'],
    ['a reference link', '[Click][1]\n\n[1]: https://evil.example'],
    ['a tenant address as the label of another site', '[https://contoso.sharepoint.com/sites/tracker](https://evil.example)']
  ];

  // The workbench inbox's Markdown: markdown-it with raw HTML off, then DOMPurify (InboxPage.tsx).
  beforeAll(() => {
    const markdown = new MarkdownIt({ html: false, linkify: false, breaks: false });
    const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
    AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess: boolean }) => {
      result.outputHtml = purify.sanitize(markdown.render(text), { ALLOWED_TAGS: ['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'br', 'code'], ALLOWED_ATTR: ['href'] });
      result.didProcess = true;
    };
  });
  afterAll(() => {
    AdaptiveCard.onProcessMarkdown = undefined;
  });

  /** Where the card's text (not its buttons) links to. */
  const textLinks = (html: HTMLElement): string[] => [...html.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');

  test.each(crafted)('%s shows as text, in the item text, the rule message and the facts', (_, text) => {
    const card = { ...item('7'), title: `7: ${text}`, message: `Owner says ${text}`, report: text, text };
    const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: [card] }, links));
    expect(textLinks(html).filter((href) => !href.startsWith('https://contoso.sharepoint.com/'))).toEqual([]);
    // What was typed is still there to read.
    expect(html.textContent?.replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' '));
  });

  test('a digest shows a crafted name and item text as text', () => {
    const name = '[Head of Crime](https://evil.example)';
    const html = render(deliveryCard({ deliveryId: 'd', recipient: { ...owner, name }, items: [{ ...item('1'), text: 'https://evil.example/x' }, { ...item('2'), message: '<https://evil.example>' }] }, links));
    expect(textLinks(html)).toEqual([]);
    expect(html.textContent).toContain(`${name}, you have 2 reminders`);
  });

  test('a link to the tenant stays a link, and another site in its label is text', () => {
    const message = `The [action plan](${TENANT_DOC}) is agreed; see also https://evil.example/x.`;
    const text = `[Plan <https://evil.example>](${TENANT_DOC})`;
    const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: [{ ...item('3'), message, text }] }, links));
    expect(textLinks(html)).toEqual([TENANT_DOC, TENANT_DOC]);
    expect(html.textContent).toContain('The action plan is agreed; see also https://evil.example/x.');
    expect(html.textContent).toContain('Plan <https://evil.example>');
  });

  test('the demo data reads on a card exactly as written, with no link', async () => {
    const plan = await planDemoFile('city-of-london-recommendations.json', await readDemoPeople());
    const texts = [
      ...plan.reports.map((r) => r.report.title),
      ...plan.recommendations.flatMap((r) => [r.recommendation.text, r.recommendation.due.raw, ...r.updates.map((u) => u.update.text)])
    ].filter((t) => /[[\]<>]|:\/\//.test(t));
    // The seeds hold no web addresses, but do hold square brackets ("Sept 17 [internal deadline]").
    expect(texts).toContain('Sept 17 [internal deadline]');
    for (const text of texts) {
      const html = render(deliveryCard({ deliveryId: 'd', recipient: owner, items: [{ ...item('4'), text }] }, links));
      expect(textLinks(html)).toEqual([]);
      expect(html.textContent?.replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' '));
    }
  });
});
