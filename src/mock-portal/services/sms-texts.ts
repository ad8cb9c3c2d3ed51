/**
 * The case notifications the portal texts to lawyers, in the manual's wording (§3–§5): each ends
 * with the sending unit's short name in 【】, as the procuratorates sign them.
 */

export function bindingApprovedText(unitShortName: string): string {
  return `您的案件绑定申请审核通过，可登录12309中国检察网“个人中心”查看审核结果。【${unitShortName}】`;
}

export function bindingRejectedText(unitShortName: string, reason: string): string {
  return `您的案件绑定申请审核未通过，原因：${reason}。可登录12309中国检察网“个人中心”查看审核结果。【${unitShortName}】`;
}

export function reviewApprovedText(unitShortName: string, caseName: string): string {
  return `您申请的【${caseName}】【在线阅卷】审核已通过，卷宗网上处理完成后将短信通知您下载。【${unitShortName}】`;
}

export function reviewRejectedText(unitShortName: string, caseName: string, reason: string): string {
  return `您申请的【${caseName}】【在线阅卷】审核未通过，原因：${reason}。【${unitShortName}】`;
}

export interface DossierPasswords {
  /** 卷宗下载密码 */
  download: string;
  /** 卷宗文档打开密码 */
  open: string;
}

/** The only place the two passwords are ever written out. */
export function dossierReadyText(unitShortName: string, caseName: string, passwords: DossierPasswords): string {
  return (
    `您申请的【${caseName}】【在线阅卷】审核已通过，您可以登录12309中国检察网下载卷宗。` +
    `卷宗下载密码为：${passwords.download}，卷宗文档打开密码为：${passwords.open}，密码信息请勿泄漏！【${unitShortName}】`
  );
}
