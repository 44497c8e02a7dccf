// One list of error codes with the Chinese message a user sees. Handlers throw AppError; the router
// turns it into { ok: false, error: { code, message } }.
export const errorMessages = {
  UNAUTHENTICATED: '请先登录',
  NOT_REGISTERED: '当前账号尚未登记，请联系学会秘书处',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '记录不存在或已被删除',
  INVALID_INPUT: '输入有误',
  UNKNOWN_ACTION: '不支持的操作',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  NOT_OPEN_YET: '申报尚未开始',
  DEADLINE_PASSED: '申报已截止',
  APPLICANT_NOT_ELIGIBLE: '本单位不符合申报条件',
  LIMIT_EXCEEDED: '超出限项规定',
  QUOTA_FULL: '名额已满',
  POOL_EXHAUSTED: '奖补资金池余额不足',
  PUBLICITY_NOT_ENDED: '公示期尚未结束',
  OBJECTION_PENDING: '该项目有尚未处理的异议，处理后才能继续',
  REPORT_OVERDUE: '报告提交期限已过',
  CLAIMS_CLOSED: '指标完成情况填报已截止',
  PUBLICITY_CLOSED: '公示已结束，不再受理异议',
  NOTHING_TO_PUBLISH: '没有可公示的项目',
  CONFLICT_OF_INTEREST: '该专家与申报单位存在利益关系，已自动回避',
  DECLARATION_REQUIRED: '请先确认与申报单位无利益冲突',
  SCORES_INVALID: '评分不完整或超出范围',
  REVIEWS_INCOMPLETE: '尚有专家未提交评分',
  TEMPLATE_UNKNOWN: '模板不存在',
  PROGRAM_INVALID: '项目配置不正确',
  BUDGET_OVER_LIMIT: '预算合计超过奖补金额上限',
  APPLICATION_INCOMPLETE: '申报书尚未填写完整',
  TRANSITION_NOT_ALLOWED: '当前状态下不能执行该操作',
  REASON_REQUIRED: '请填写理由',
  INDICATOR_UNKNOWN: '指标不存在',
  FILE_NOT_OWNED: '文件不属于本项目，不能引用',
  FILE_NOT_FOUND: '文件不存在或尚未上传完成',
  SESSION_INVALID: '登录已失效，请重新登录',
  FILE_REJECTED: '文件未通过检查',
  UPLOAD_SLOT_INVALID: '上传凭证无效、已使用或已过期，请重新上传',
  INTERNAL: '服务器开小差了，请稍后再试',
  CONTENT_HELD: '内容正在进行安全审核，暂不可查看',
  CONTENT_REJECTED: '内容未通过微信内容安全检测，请修改后重试',
  RATE_LIMITED: '提交过于频繁',
  REVIEW_WITHDRAWN: '该评审任务已被秘书处撤回',
  REVIEW_RECUSED: '您已声明利益冲突并退出该评审',
  REVIEW_CLOSED: '评审已截止',
  REVIEWER_NOT_IN_POOL: '该专家不在本项目组织单位的评审专家库中',
  INVITATION_INVALID: '邀请码不存在，请核对后重试',
  INVITATION_USED: '该邀请已被使用，每个邀请只能使用一次',
  INVITATION_EXPIRED: '该邀请已过期，请联系秘书处重新邀请',
  INVITATION_REVOKED: '该邀请已被秘书处撤销',
  ALREADY_BOUND: '您已拥有该身份，无需重复绑定',
  SETUP_DONE: '系统已完成初始设置，请通过秘书处的邀请加入',
  SETUP_CODE_INVALID: '初始设置码不正确',
  ROLE_UNKNOWN: '所选身份不存在或已被撤销，请重新选择',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Chinese detail appended to the standard message, e.g. which fields are missing. */
  readonly detail?: string;

  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${errorMessages[code]}：${detail}` : errorMessages[code]);
    this.code = code;
    this.detail = detail;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in errorMessages;
}
