import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLErrorBody[];
}

/** Sends a generated typed document to the router over HTTP, exactly as a console would. */
export async function execute<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResult<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLErrorBody[] };
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
}

/** The data of a result that must have succeeded; fails with the errors otherwise. */
export function dataOf<TData>(result: GraphQLResult<TData>): TData {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL call failed (${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export function errorCodes(result: GraphQLResult<unknown>): Array<string | undefined> {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
