/** English strings of the operator console's own pages (运营端); spread into en.ts. */
export const operatorEn = {
  operator: {
    menu: {
      organizations: 'Organizations',
      miniPrograms: 'Mini-programs',
    },
    freeze: {
      freeze: 'Freeze',
      unfreeze: 'Unfreeze',
      reason: 'Reason (the organization reads it)',
      reasonHint: 'At most 500 characters',
      frozen: 'Frozen',
      active: 'Active',
      frozenReason: 'Why frozen',
      all: 'All',
    },
    organizations: {
      title: 'Organizations',
      hint: 'A frozen organization keeps its data, but its members cannot act for it until it is unfrozen.',
      status: 'Review status',
      frozenFilter: 'Frozen or not',
      search: 'Name or credit code',
      submittedAt: 'Applied',
      reviewedAt: 'Approved',
      freezeTitle: 'Freeze {{name}}',
      frozenDone: 'Organization frozen',
      unfreezeConfirm: 'Unfreeze {{name}}? Its members can act for it again.',
      unfrozenDone: 'Organization unfrozen',
      empty: 'No organization matches: change the filters.',
    },
    miniPrograms: {
      title: 'All mini-programs',
      hint: 'A frozen mini-program cannot be opened on devices nor released until it is unfrozen.',
      organization: 'Organization',
      freezeTitle: 'Freeze {{name}}',
      frozenDone: 'Mini-program frozen',
      unfreezeConfirm: 'Unfreeze {{name}}? Devices can open it again.',
      unfrozenDone: 'Mini-program unfrozen',
      empty: 'No mini-program matches: change the search or the filter.',
    },
  },
};
