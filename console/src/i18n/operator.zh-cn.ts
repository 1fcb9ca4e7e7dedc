import type { Messages } from './en';

/** 运营端页面的简体中文文案；由 zh-cn.ts 展开。 */
export const operatorZhCN: Pick<Messages, 'operator'> = {
  operator: {
    menu: {
      organizations: '机构管理',
      miniPrograms: '小程序管理',
    },
    freeze: {
      freeze: '冻结',
      unfreeze: '解冻',
      reason: '冻结原因（机构可见）',
      reasonHint: '最多 500 个字符',
      frozen: '已冻结',
      active: '正常',
      frozenReason: '冻结原因',
      all: '全部',
    },
    organizations: {
      title: '机构管理',
      hint: '机构冻结后数据保留，但成员在解冻前不能以该机构身份操作。',
      status: '审核状态',
      frozenFilter: '是否冻结',
      search: '机构名称或统一社会信用代码',
      submittedAt: '申请时间',
      reviewedAt: '通过时间',
      freezeTitle: '冻结 {{name}}',
      frozenDone: '机构已冻结',
      unfreezeConfirm: '解冻 {{name}}？成员将可以再次以该机构身份操作。',
      unfrozenDone: '机构已解冻',
      empty: '没有符合条件的机构，请调整筛选条件。',
    },
    miniPrograms: {
      title: '小程序管理',
      hint: '小程序冻结后，在解冻前终端无法打开，也不能发布。',
      organization: '所属机构',
      freezeTitle: '冻结 {{name}}',
      frozenDone: '小程序已冻结',
      unfreezeConfirm: '解冻 {{name}}？终端将可以再次打开它。',
      unfrozenDone: '小程序已解冻',
      empty: '没有符合条件的小程序，请调整搜索或筛选条件。',
    },
  },
};
