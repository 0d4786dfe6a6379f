import { startStandin } from '../src/standin/server';
async function main() {
  const s = await startStandin({ port: 0 });
  const h = { 'X-Standin-User': 'admin', accept: 'application/json;odata=nometadata', 'content-type': 'application/json' };
  const go = async (method: string, path: string, body?: unknown, extra: Record<string,string> = {}) => {
    const r = await fetch(`${s.siteUrl}/_api/${path}`, { method, headers: { ...h, ...extra }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const t = await r.text();
    console.log(method, path, '→', r.status, t.slice(0, 160).replace(/\n/g, ' '));
  };
  await go('GET', 'web/defaultDocumentLibrary');
  await go('POST', "web/getFolderByServerRelativePath(decodedUrl='%2Fsites%2Ftracker%2FShared%20Documents')/files/AddUsingPath(decodedurl='a%25b%23c.txt',Overwrite=true)", 'hello');
  await go('GET', "web/lists/getByTitle('Documents')/fields?$filter=InternalName eq 'Title'&$select=Id");
  await go('POST', 'web/lists', { Title: 'x'.repeat(300) });
  await go('GET', "web/getFolderByServerRelativePath(decodedUrl='%2Fsites%2Ftracker%2FShared%20Documents')/files?$filter=Name eq 'nothing'");
  await go('POST', 'web/siteGroups', { Title: 'New group' });
  await go('POST', 'web/currentUser', { Title: 'x' }, { 'X-HTTP-Method': 'MERGE' });
  await go('POST', 'web', { Title: 'x' }, { 'X-HTTP-Method': 'MERGE' });
  await go('GET', "web/lists/getByTitle('Documents')?$expand=ParentWeb&$select=ParentWeb/Title");
  await go('GET', "web/lists/getByTitle('Documents')?$expand=Bogus");
  await go('GET', "web?$bogus=1");
  await go('GET', "web?$expand=Lists");
  await go('GET', "web/lists/getByTitle('Documents')/items?$top=0");
  await go('GET', "web/lists/getByTitle('Documents')/items?$filter=" + '('.repeat(3000) + "Id eq 1" + ')'.repeat(3000));
  await go('GET', "web/getFileByServerRelativePath(decodedurl='%2Fsites%2Ftracker%2FShared%20Documents%2Fa%25b%23c.txt')/$value");
  await go('GET', 'web?$select=Title');
  await go('GET', "web/lists/getByTitle('Documents')/fields?$filter=InternalName eq 'Title'&$select=Id");
  await go('GET', "web/siteusers?$filter=Id eq 6&$select=Title");
  await s.close();
}
main();
