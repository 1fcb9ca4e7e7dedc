import { describe, expect, it } from 'vitest';
import {
  orderByOf,
  sortFromParams,
  sortFromTable,
  sortOrderOf,
  sortParams,
  type SortColumns,
} from './list-sort';

const columns: SortColumns<'NAME' | 'CREATED_AT'> = { name: 'NAME', createdAt: 'CREATED_AT' };
const params = (query: string) => new URLSearchParams(query);

describe('list sort: URL ↔ orderBy', () => {
  it('maps ?sort=&dir= to the list orderBy, ascending unless dir=desc', () => {
    expect(orderByOf(sortFromParams(params('sort=name&dir=asc'), columns), columns)).toEqual({
      field: 'NAME',
      direction: 'ASC',
    });
    expect(orderByOf(sortFromParams(params('sort=createdAt&dir=desc&page=3'), columns), columns)).toEqual({
      field: 'CREATED_AT',
      direction: 'DESC',
    });
    expect(orderByOf(sortFromParams(params('sort=name'), columns), columns)).toEqual({
      field: 'NAME',
      direction: 'ASC',
    });
  });

  it('ignores columns that are not sortable (the default order applies)', () => {
    for (const query of ['', 'sort=password&dir=asc', 'sort=__proto__', 'sort=toString&dir=desc', 'dir=desc'])
      expect(orderByOf(sortFromParams(params(query), columns), columns)).toBeUndefined();
  });

  it('maps a header click of antd Table to the URL, and clearing it removes both parameters', () => {
    expect(sortParams(sortFromTable({ columnKey: 'name', order: 'descend' }))).toEqual({
      sort: 'name',
      dir: 'desc',
    });
    expect(sortParams(sortFromTable({ columnKey: 'createdAt', order: 'ascend' }))).toEqual({
      sort: 'createdAt',
      dir: 'asc',
    });
    expect(sortParams(sortFromTable([{ columnKey: 'name', order: 'ascend' }]))).toEqual({
      sort: 'name',
      dir: 'asc',
    });
    expect(sortParams(sortFromTable({ columnKey: 'name', order: null }))).toEqual({
      sort: undefined,
      dir: undefined,
    });
    expect(sortParams(sortFromTable(undefined))).toEqual({ sort: undefined, dir: undefined });
  });

  it('gives each column its controlled sortOrder, so the arrows follow the URL', () => {
    const sort = sortFromParams(params('sort=name&dir=desc'), columns);
    expect(sortOrderOf(sort, 'name')).toBe('descend');
    expect(sortOrderOf(sort, 'createdAt')).toBeNull();
    expect(sortOrderOf(sortFromParams(params('sort=createdAt&dir=asc'), columns), 'createdAt')).toBe(
      'ascend',
    );
    expect(sortOrderOf(undefined, 'name')).toBeNull();
  });

  it('round-trips: the URL written for a click reads back as the same order', () => {
    for (const order of ['ascend', 'descend'] as const) {
      const written = new URLSearchParams(
        sortParams(sortFromTable({ columnKey: 'createdAt', order })) as Record<string, string>,
      );
      expect(orderByOf(sortFromParams(written, columns), columns)).toEqual({
        field: 'CREATED_AT',
        direction: order === 'ascend' ? 'ASC' : 'DESC',
      });
    }
  });
});
