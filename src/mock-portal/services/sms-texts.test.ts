import { describe, expect, it } from 'vitest';
import {
  bindingApprovedText,
  bindingRejectedText,
  dossierReadyText,
  reviewApprovedText,
  reviewRejectedText,
} from './sms-texts';

describe('SMS texts', () => {
  it('words the binding approval exactly as the manual shows it', () => {
    expect(bindingApprovedText('安徽省院')).toBe(
      '您的案件绑定申请审核通过，可登录12309中国检察网“个人中心”查看审核结果。【安徽省院】',
    );
  });

  it('gives the reason of a refused binding or review', () => {
    expect(bindingRejectedText('涪陵区院', '授权委托书不清晰')).toBe(
      '您的案件绑定申请审核未通过，原因：授权委托书不清晰。可登录12309中国检察网“个人中心”查看审核结果。【涪陵区院】',
    );
    expect(reviewRejectedText('涪陵区院', '陈某危险驾驶案', '案件尚在侦查阶段')).toBe(
      '您申请的【陈某危险驾驶案】【在线阅卷】审核未通过，原因：案件尚在侦查阶段。【涪陵区院】',
    );
  });

  it('announces an approved review and later the dossier with both passwords', () => {
    expect(reviewApprovedText('涪陵区院', '陈某危险驾驶案')).toBe(
      '您申请的【陈某危险驾驶案】【在线阅卷】审核已通过，卷宗网上处理完成后将短信通知您下载。【涪陵区院】',
    );
    expect(dossierReadyText('涪陵区院', '陈某危险驾驶案', { download: '150005', open: '1500066' })).toBe(
      '您申请的【陈某危险驾驶案】【在线阅卷】审核已通过，您可以登录12309中国检察网下载卷宗。' +
        '卷宗下载密码为：150005，卷宗文档打开密码为：1500066，密码信息请勿泄漏！【涪陵区院】',
    );
  });
});
