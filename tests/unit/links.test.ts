/**
 * Which addresses the tracker follows: a tracker page address must be on the tenant (https on its
 * own host; http or https on a loopback address only for the local workbench), a report link must
 * be http or https. Each refusal names its problem.
 */
import { checkReportLink, checkTrackerLink, linkProblemText, reportLinkProblem, trackerPageProblem } from '../../src/core/links';
import { parseRawDocument, planDocument } from '../../src/core/import';

const PAGE = 'https://contoso.sharepoint.com/sites/tracker/SitePages/Dashboard.aspx';
const WORKBENCH = 'http://127.0.0.1:4321/?page=dashboard';

describe('a tracker page address on a SharePoint tenant', () => {
  const refused: [string, string, RegExp][] = [
    ['javascript:', 'javascript:alert(1)', /^The address starts "javascript:": only https:\/\/ addresses on contoso\.sharepoint\.com can be used\.$/],
    ['javascript: in mixed case', 'JaVaScRiPt:alert(1)', /starts "javascript:"/],
    ['javascript: after a space', ' javascript:alert(1)', /starts "javascript:"/],
    ['javascript: after a tab and a line break', '\t\njavascript:alert(1)', /starts "javascript:"/],
    ['javascript: split by a tab', 'java\tscript:alert(1)', /control or invisible character/],
    ['javascript: split by a line break', 'java\nscript:alert(1)', /control or invisible character/],
    ['javascript: split by a NUL', 'java\u0000script:alert(1)', /control or invisible character/],
    ['javascript: split by a zero-width space', 'java\u200bscript:alert(1)', /control or invisible character/],
    ['a right-to-left override', 'https://contoso.sharepoint.com/\u202egpj.exe', /control or invisible character/],
    ['data:', 'data:text/html,<script>alert(1)</script>', /starts "data:"/],
    ['vbscript:', 'vbscript:msgbox(1)', /starts "vbscript:"/],
    ['file:', 'file:///c:/windows/system32', /starts "file:"/],
    ['protocol-relative to another host', '//evil.example/tracker', /^The address leads to evil\.example: only https:\/\/ addresses on contoso\.sharepoint\.com can be used\.$/],
    ['backslashes read as slashes', '\\\\evil.example\\tracker', /leads to evil\.example/],
    ['a slash and a backslash', '/\\evil.example/tracker', /leads to evil\.example/],
    ['another host', 'https://evil.example/sites/tracker', /leads to evil\.example/],
    ['another tenant', 'https://fabrikam.sharepoint.com/sites/tracker', /leads to fabrikam\.sharepoint\.com/],
    ['a look-alike host ending in another domain', 'https://contoso.sharepoint.com.evil.example/x', /leads to contoso\.sharepoint\.com\.evil\.example/],
    ['a look-alike host with a trailing dot', 'https://contoso.sharepoint.com./x', /leads to contoso\.sharepoint\.com\./],
    ['a look-alike host spelt with a hyphen', 'https://contoso-sharepoint.com/x', /leads to contoso-sharepoint\.com/],
    ['the tenant as a user name before another host', 'https://contoso.sharepoint.com@evil.example/x', /user name or password before "@"/],
    ['a user name and password before the tenant', 'https://user:secret@contoso.sharepoint.com/x', /user name or password before "@"/],
    ['another port on the tenant', 'https://contoso.sharepoint.com:8443/x', /leads to contoso\.sharepoint\.com:8443/],
    ['http on the tenant', 'http://contoso.sharepoint.com/sites/tracker', /^The address starts "http:": only https:\/\//],
    ['loopback on a tenant', 'http://127.0.0.1:4321/?page=tracker', /leads to 127\.0\.0\.1:4321/],
    ['a host without its scheme', 'evil.example/tracker', /^"evil\.example\/tracker" is not a full address: start it with https:\/\/, or with \/ for a page on contoso\.sharepoint\.com\.$/],
    ['a path relative to the folder', 'SitePages/Tracker.aspx', /is not a full address/],
    ['https without its slashes', 'https:evil.example', /is not a full address/],
    ['an address that does not parse', 'https://[evil', /^"https:\/\/\[evil" is not a web address\.$/]
  ];
  test.each(refused)('refuses %s', (_, address, problem) => {
    const check = checkTrackerLink(address, PAGE);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(linkProblemText(check.problem)).toMatch(problem);
  });

  const accepted: [string, string, string][] = [
    ['a page on the tenant', 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx', 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx'],
    ['the host in capitals', 'HTTPS://CONTOSO.SharePoint.com/sites/tracker', 'https://contoso.sharepoint.com/sites/tracker'],
    ['spaces around it', '  https://contoso.sharepoint.com/sites/tracker  ', 'https://contoso.sharepoint.com/sites/tracker'],
    ['a path on the tenant', '/sites/tracker/SitePages/Tracker.aspx', 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx'],
    ['this page with a query', '?page=tracker', 'https://contoso.sharepoint.com/sites/tracker/SitePages/Dashboard.aspx?page=tracker'],
    ['protocol-relative to the tenant', '//contoso.sharepoint.com/sites/tracker', 'https://contoso.sharepoint.com/sites/tracker']
  ];
  test.each(accepted)('accepts %s', (_, address, url) => {
    expect(checkTrackerLink(address, PAGE)).toEqual({ ok: true, url });
  });
});

describe('a tracker page address in the local workbench', () => {
  test.each([
    ['the workbench page', '?page=tracker', 'http://127.0.0.1:4321/?page=tracker'],
    ['the stand-in on another port', 'http://127.0.0.1:5000/sites/tracker', 'http://127.0.0.1:5000/sites/tracker'],
    ['localhost', 'http://localhost:4321/?page=tracker', 'http://localhost:4321/?page=tracker']
  ])('accepts %s', (_, address, url) => {
    expect(checkTrackerLink(address, WORKBENCH)).toEqual({ ok: true, url });
  });

  test.each([
    ['another host over http', 'http://evil.example/', /^The address leads to evil\.example: only addresses on this computer \(127\.0\.0\.1, the local workbench\) can be used\.$/],
    ['a SharePoint tenant', 'https://contoso.sharepoint.com/sites/tracker', /leads to contoso\.sharepoint\.com/],
    ['javascript:', 'javascript:alert(1)', /starts "javascript:"/],
    ['a loopback look-alike', 'http://127.0.0.1.evil.example/', /leads to 127\.0\.0\.1\.evil\.example/]
  ])('refuses %s', (_, address, problem) => {
    const check = checkTrackerLink(address, WORKBENCH);
    expect(check.ok ? '' : linkProblemText(check.problem)).toMatch(problem);
  });
});

describe('a link to an originating report', () => {
  test.each([
    ['javascript:', 'javascript:alert(1)', /^The link starts "javascript:": a link to the report must start with https:\/\/ or http:\/\/\.$/],
    ['JavaScript: in mixed case after a space', ' JavaScript:alert(1)', /starts "javascript:"/],
    ['javascript: split by a tab', 'java\tscript:alert(1)', /control or invisible character/],
    ['data:', 'data:application/pdf;base64,JVBERi0=', /starts "data:"/],
    ['vbscript:', 'vbscript:msgbox(1)', /starts "vbscript:"/],
    ['ftp:', 'ftp://files.example/report.pdf', /starts "ftp:"/],
    ['protocol-relative', '//evil.example/report.pdf', /is not a full address: start it with https:\/\/\.$/],
    ['a host without its scheme', 'www.justiceinspectorates.gov.uk/hmicfrs', /is not a full address/],
    ['a user name before the host', 'https://www.justiceinspectorates.gov.uk@evil.example/', /user name or password/],
    ['no host', 'https://', /^"https:\/\/" is not a web address\.$/]
  ])('refuses %s', (_, address, problem) => {
    const check = checkReportLink(address);
    expect(check.ok ? '' : linkProblemText(check.problem)).toMatch(problem);
  });

  test.each([
    ['https on any host', 'https://www.justiceinspectorates.gov.uk/hmicfrs/publications/a-progress-report-on-the-police-response-to-domestic-abuse/'],
    ['http', 'http://www.hmic.gov.uk/media/report.pdf']
  ])('accepts %s', (_, address) => {
    expect(checkReportLink(address)).toEqual({ ok: true, url: address });
  });
});

describe('report links in an imported file', () => {
  test('a link that is not http or https is dropped with a warning, and a good one kept', () => {
    const doc = parseRawDocument(
      {
        reports: [
          { title: 'Crime data integrity', source: 'HMICFRS', url: 'javascript:alert(document.cookie)', recommendations: [{ ref: '1', text: 'Audit crime recording.' }] },
          { title: 'Stalking and harassment', source: 'HMICFRS', url: ' https://www.justiceinspectorates.gov.uk/hmicfrs/publications/stalking/ ', recommendations: [{ ref: '1', text: 'Train call handlers.' }] }
        ]
      },
      'inline.json'
    );
    const plan = planDocument(doc, { importedOn: '2017-11-14' });
    expect(plan.reports.map((r) => r.report.url)).toEqual([undefined, 'https://www.justiceinspectorates.gov.uk/hmicfrs/publications/stalking/']);
    expect(plan.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        value: 'javascript:alert(document.cookie)',
        message: 'Link to the report refused: The link starts "javascript:": a link to the report must start with https:// or http://. The report is imported without a link.'
      })
    );
  });
});

describe('what a settings field or form shows', () => {
  test('an empty address is allowed (no tracker page, no link), and a bad one names its problem', () => {
    expect(trackerPageProblem('', PAGE)).toBeNull();
    expect(trackerPageProblem('   ', PAGE)).toBeNull();
    expect(trackerPageProblem('?page=tracker', PAGE)).toBeNull();
    expect(trackerPageProblem('javascript:alert(1)', PAGE)).toEqual({ code: 'startsTenant', args: ['javascript:', 'contoso.sharepoint.com'] });
    expect(reportLinkProblem('')).toBeNull();
    expect(reportLinkProblem('https://www.justiceinspectorates.gov.uk/')).toBeNull();
    const refused = reportLinkProblem('javascript:alert(1)');
    expect(refused === null ? '' : linkProblemText(refused)).toMatch(/starts "javascript:"/);
  });
});
