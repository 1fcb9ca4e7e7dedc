import { passwordWeakness } from './password-strength';
import { BadUserInputError, OperatorRole, OrgRole } from '@grove/platform';
import { z } from 'zod';
import { InvitationStatus } from '../store/invitation.model';
import { OrganizationStatus } from '../store/organization.model';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';
import { normaliseEmail, normalisePhone } from './identifiers';

/** Parses service input; every problem is reported at once as BAD_USER_INPUT with the field names. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'input'))];
  const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  throw new BadUserInputError(`Invalid input: ${reasons.join('; ')}`, { fields });
}

/** GraphQL sends null for omitted nullable inputs; treat null and '' like absent. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null || v === '' ? undefined : v), schema.optional());
}

const emailField = z.string().transform((value, ctx) => {
  const email = normaliseEmail(value);
  if (!email) {
    ctx.addIssue({ code: 'custom', message: 'must be a valid email address' });
    return z.NEVER;
  }
  return email;
});

const phoneField = z.string().transform((value, ctx) => {
  const phone = normalisePhone(value);
  if (!phone) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a phone number in international format, e.g. +8613800138000',
    });
    return z.NEVER;
  }
  return phone;
});

export const passwordField = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(128, 'must be at most 128 characters')
  .regex(/\p{L}/u, 'must contain a letter')
  .regex(/\d/, 'must contain a digit')
  .superRefine((password, ctx) => {
    const weakness = password.length <= 128 ? passwordWeakness(password) : null;
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

const displayNameField = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');
const idField = z.string().trim().min(1, 'is required').max(100, 'is too long');
const tokenField = z.string().trim().min(16, 'is not a valid token').max(200, 'is not a valid token');

const creditCodeField = z.string().transform((value, ctx) => {
  const code = normaliseCreditCode(value);
  const problem = creditCodeProblem(code);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: `is not a valid unified social credit code: ${problem}` });
    return z.NEVER;
  }
  return code;
});

export const signUpSchema = z
  .object({
    email: optional(emailField),
    phone: optional(phoneField),
    password: passwordField,
    displayName: displayNameField,
    invitationToken: optional(tokenField),
  })
  .refine((v) => v.email || v.phone, { message: 'an email or a phone number is required', path: ['email'] });
export type SignUpData = z.infer<typeof signUpSchema>;

export const loginSchema = z.object({
  identifier: z.string().trim().min(1, 'is required').max(320, 'is too long'),
  password: z.string().min(1, 'is required').max(256, 'is too long'),
  deviceId: optional(z.string().trim().max(200)),
  deviceName: optional(z.string().trim().max(200)),
});
export type LoginData = z.infer<typeof loginSchema>;

export const refreshTokenSchema = tokenField;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(256, 'is too long'),
  newPassword: passwordField,
});

export const organizationApplicationSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
  creditCode: creditCodeField,
  contactName: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
  contactPhone: phoneField,
  contactEmail: optional(emailField),
  licenceDocumentRef: z.string().trim().min(1, 'is required').max(500, 'is too long'),
});
export type OrganizationApplicationData = z.infer<typeof organizationApplicationSchema>;

const application = organizationApplicationSchema.shape;
/** Every field optional; `contactEmail: null` (or '') clears it. */
export const organizationUpdateSchema = z.object({
  name: optional(application.name),
  creditCode: optional(application.creditCode),
  contactName: optional(application.contactName),
  contactPhone: optional(application.contactPhone),
  contactEmail: z.preprocess((v) => (v === '' ? null : v), emailField.nullable().optional()),
  licenceDocumentRef: optional(application.licenceDocumentRef),
});
export type OrganizationUpdateData = z.infer<typeof organizationUpdateSchema>;

export const reasonSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(500, 'must be at most 500 characters');
export const optionalReasonSchema = optional(reasonSchema);

export const organizationListSchema = z.object({
  status: optional(
    z.enum(Object.values(OrganizationStatus) as [OrganizationStatus, ...OrganizationStatus[]]),
  ),
  frozen: optional(z.boolean()),
  amendmentPending: optional(z.boolean()),
  search: optional(z.string().trim().min(1).max(100)),
  skip: z.number().int().min(0).max(100_000).default(0),
  take: z.number().int().min(1).max(100).default(20),
  /** Checked by listOrder and keysetPage. */
  orderBy: optional(z.object({ field: z.string(), direction: z.string() })),
  after: optional(z.string()),
});

const orgRoleField = z.enum(Object.values(OrgRole) as [OrgRole, ...OrgRole[]]);

export const inviteSchema = z
  .object({
    orgId: idField,
    email: optional(emailField),
    phone: optional(phoneField),
    role: orgRoleField,
  })
  .refine((v) => !!v.email !== !!v.phone, { message: 'give exactly one of email or phone', path: ['email'] });
export type InviteData = z.infer<typeof inviteSchema>;

export const memberRoleSchema = z.object({ orgId: idField, userId: idField, role: orgRoleField });
export const memberRefSchema = z.object({ orgId: idField, userId: idField });

export const createOperatorSchema = z.object({
  email: emailField,
  displayName: displayNameField,
  role: z.enum(Object.values(OperatorRole) as [OperatorRole, ...OperatorRole[]]),
  password: optional(passwordField),
});
export type CreateOperatorData = z.infer<typeof createOperatorSchema>;

export const operatorRoleChangeSchema = z.object({
  userId: idField,
  role: z.enum(Object.values(OperatorRole) as [OperatorRole, ...OperatorRole[]]),
});

/** A reported invitation status to filter by (absent: every status). */
const invitationStatusField = optional(
  z.enum(Object.values(InvitationStatus) as [InvitationStatus, ...InvitationStatus[]]),
);

export { idField, invitationStatusField, tokenField };
