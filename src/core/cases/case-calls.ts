/** 案件绑定, 申请阅卷, 预约 and the portal's directory (受理单位, 联系方式): the contract's case calls. */
import type { CallsOf, CallsUnder } from '../calls/call-group';
import type { DirectoryService } from '../directory';
import type { CaseService } from './index';

type CaseCallName =
  | 'procuratorates.list'
  | 'contacts.list'
  | 'uploads.add'
  | 'bindings.list'
  | 'bindings.create'
  | 'boundCases.list'
  | 'reviews.notice'
  | 'reviews.apply';

export function caseCalls(cases: CaseService, directory: DirectoryService): CallsOf<CaseCallName> & CallsUnder<'appointments'> {
  return {
    'procuratorates.list': async (filter) => directory.procuratorates(filter),
    'contacts.list': async ({ q }) => directory.contacts(q),
    'uploads.add': async (upload) => cases.addUpload(upload),
    'bindings.list': async () => cases.bindings(),
    'bindings.create': async (form) => cases.createBinding(form),
    'boundCases.list': async () => cases.boundCases(),
    'reviews.notice': async () => cases.reviewNotice(),
    'reviews.apply': async (application) => cases.applyForReview(application),
    'appointments.list': async () => cases.appointments(),
    'appointments.downloadPassword': async ({ appointmentId }) => cases.downloadPassword(appointmentId),
  };
}
