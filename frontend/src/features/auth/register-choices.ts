/** The registration form's choices, shared by the form and its checks (`schemas.ts`, loaded apart). */
export const TARGET_GROUPS = ['citizen', 'public_servant', 'student', 'worker'] as const;
export const KINDS = ['agency', 'school', 'enterprise', 'cooperative', 'other'] as const;
