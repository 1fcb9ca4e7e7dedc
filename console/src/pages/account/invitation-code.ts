/** The invitation code a sign-up link carries (`/sign-up?invitation=<code>`), trimmed; none when blank. */
export function invitationCodeFrom(search: URLSearchParams): string | undefined {
  const code = search.get('invitation')?.trim();
  return code ? code : undefined;
}

/** What the sign-up form sends: the invitation code only when one was entered (signUp refuses a blank one). */
export function signUpInput(values: {
  email: string;
  displayName: string;
  password: string;
  invitationToken?: string;
}) {
  const invitationToken = values.invitationToken?.trim();
  return {
    email: values.email.trim(),
    displayName: values.displayName.trim(),
    password: values.password,
    ...(invitationToken ? { invitationToken } : {}),
  };
}

/** The query string of a sign-up link that carries an invitation code (read back by invitationCodeFrom). */
export function signUpSearch(code: string): string {
  return `?${new URLSearchParams({ invitation: code }).toString()}`;
}
