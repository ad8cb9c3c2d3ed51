/**
 * The lawyer's 消息 on the portal: the same case events the SMS report (sms-texts.ts), in the
 * portal's own words. Never a password: the dossier one points to the SMS that carries them.
 */
import type { PortalMessageKind } from '../../shared/portal-wire';

export interface MessageText {
  kind: PortalMessageKind;
  title: string;
  text: string;
}

export function bindingApprovedMessage(unitName: string, caseName: string): MessageText {
  return {
    kind: 'binding-approved',
    title: '案件绑定申请审核通过',
    text: `您提交的【${caseName}】案件绑定申请已由${unitName}审核通过，可在“已绑定案件”中申请在线阅卷。`,
  };
}

export function bindingRejectedMessage(unitName: string, caseName: string, reason: string): MessageText {
  return {
    kind: 'binding-rejected',
    title: '案件绑定申请审核未通过',
    text: `您提交的【${caseName}】案件绑定申请经${unitName}审核未通过，原因：${reason}。请补正材料后重新申请。`,
  };
}

export function reviewApprovedMessage(unitName: string, caseName: string): MessageText {
  return {
    kind: 'review-approved',
    title: '在线阅卷申请审核通过',
    text: `您申请的【${caseName}】在线阅卷已由${unitName}审核通过，卷宗网上处理完成后将短信通知您下载。`,
  };
}

export function reviewRejectedMessage(unitName: string, caseName: string, reason: string): MessageText {
  return {
    kind: 'review-rejected',
    title: '在线阅卷申请审核未通过',
    text: `您申请的【${caseName}】在线阅卷经${unitName}审核未通过，原因：${reason}。`,
  };
}

export function dossierReadyMessage(unitName: string, caseName: string): MessageText {
  return {
    kind: 'dossier-ready',
    title: '卷宗可以下载',
    text:
      `您申请的【${caseName}】在线阅卷卷宗已由${unitName}处理完成，可在“辩护与代理网上预约”中点击【卷宗下载】下载。` +
      '卷宗下载密码和卷宗文档打开密码已通过短信发送到您的手机，请注意查收。',
  };
}
