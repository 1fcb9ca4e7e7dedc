/**
 * Put inside a modal's `<Form>` whose OK button sits outside it: Enter in a field then submits the form (HTML's implicit
 * submission needs a submit button in the form once it has more than one field), exactly as the OK button does.
 */
export function EnterSubmits() {
  return <button type="submit" hidden tabIndex={-1} />;
}
