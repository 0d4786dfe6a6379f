/** Query options over collections of non-item entities: lists, fields, users, a folder's files. */
import { option, selectProps, type Ctx } from './context';
import { errors } from './errors';
import { parseFilter } from './odata/filter';
import { bindFilterTo, type Column, type ColumnKind } from './query';
import { Entity } from './wire';

function plainKind(v: unknown): ColumnKind {
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
}

/**
 * Applies `$filter`, then `$top`, then `$select` to entities built with all their properties, so that
 * a filter may name a property the selection leaves out (`fields?$filter=InternalName eq 'Title'&$select=Id`).
 */
export function queryObjects(ctx: Ctx, entities: Entity[]): Entity[] {
  const text = option(ctx, '$filter');
  let out = entities;
  if (text !== null && text.trim() !== '') {
    const sample = entities[0]?.props ?? {};
    const bound = bindFilterTo<Entity>(
      parseFilter(text),
      (ref): Column<Entity> => ({ name: ref.path.join('/'), kind: plainKind(sample[ref.path[0]]), indexed: true, get: (e) => e.props[ref.path[0]] ?? null }),
      text
    );
    out = out.filter(bound.predicate);
  }
  const top = option(ctx, '$top');
  if (top !== null) {
    const n = Number(top);
    if (!Number.isInteger(n) || n < 0) {
      throw errors.badRequest(`Invalid $top value '${top}'.`);
    }
    out = out.slice(0, n);
  }
  const select = option(ctx, '$select');
  return out.map((e) => new Entity(e.type, e.uri, e.editLink, selectProps(e.props, select), e.etag, e.id));
}
