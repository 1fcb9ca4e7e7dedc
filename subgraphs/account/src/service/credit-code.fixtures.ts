/** Real-world-shaped valid codes (the check character satisfies GB 32100-2015). */
export const VALID_CREDIT_CODES = [
  '91350100M000100Y43',
  '91350200776049653A',
  '91440101MA5CJQ4N59',
  '9135021359498494XQ',
  '91350213678251743X',
];
