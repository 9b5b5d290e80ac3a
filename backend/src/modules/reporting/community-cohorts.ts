/** The community cohorts of issue 19: people the administrators' reports and person list can single out. */
export const COMMUNITY_GROUPS = ['team_members', 'team_residents', 'ambassadors', 'mentees', 'household_members', 'verified_identity'] as const;
export type CommunityGroup = (typeof COMMUNITY_GROUPS)[number];

/** Whether the person (a users alias) belongs to the group now. */
export function inCommunityGroup(group: CommunityGroup, u: string): string {
  switch (group) {
    case 'team_members':
      return `EXISTS (SELECT 1 FROM community_team_members cg WHERE cg.user_id = ${u}.id AND cg.revoked_at IS NULL)`;
    case 'team_residents':
      return `EXISTS (SELECT 1 FROM community_registrations cg WHERE cg.resident_id = ${u}.id)`;
    case 'ambassadors':
      return `EXISTS (SELECT 1 FROM ambassadors cg WHERE cg.user_id = ${u}.id AND cg.stepped_down_at IS NULL)`;
    case 'mentees':
      return `EXISTS (SELECT 1 FROM ambassador_mentees cg WHERE cg.mentee_id = ${u}.id AND cg.ended_at IS NULL)`;
    case 'household_members':
      return `EXISTS (SELECT 1 FROM household_members cg WHERE cg.user_id = ${u}.id AND cg.left_at IS NULL)`;
    case 'verified_identity':
      return `${u}.identity_verified_at IS NOT NULL`;
  }
}
