/**
 * What each scanned paper of a dossier says: forms (受案登记表, 拘留证 …), lists (扣押清单, 书证),
 * statements (银行账户交易明细, 通话详单), scene photos with captions, a scanned volume's cover and
 * 卷内目录. Built from the case profile and a seeded stream like the typed documents, so they name
 * the same people, places (重庆市涪陵区 …) and dates.
 */
import { chineseDate, daysAfter, type CaseProfile, type Person } from './case-profile';
import { clock, incident, money, PLACES, volumeCoverRows } from './document-texts';
import type { ScanLayout } from './document-catalog';
import type { ScanBlock, ScanContent } from './scan-content';
import type { SeededRandom } from './seeded-random';

/** A scanned paper's page `page` (from 0). */
export type ScanPaper = (page: number, random: SeededRandom) => ScanContent;

/** 重庆市涪陵区 → ['重庆', '涪陵']: the place names without 省/市/区 …, outermost first. */
function placeNames(region: string): string[] {
  const parts = region.match(/.+?(?:自治区|自治州|省|市|区|县|州|盟|旗)/g) ?? [region];
  return parts.map((part) => part.replace(/(?:自治区|自治州|省|市|区|县|州|盟|旗)$/, '')).filter((name) => name.length >= 2);
}

/** The innermost place and the one above it: 重庆涪陵. */
function branchPlace(profile: CaseProfile): string {
  const names = placeNames(profile.region);
  return names.slice(-2).join('') || profile.region;
}

/** 涪公（刑）诉字〔2024〕123号 → 涪公（刑）拘字〔2024〕123号 */
function documentNumber(profile: CaseProfile, kind: string): string {
  return profile.caseNumber.replace('诉字', kind);
}

function signed(profile: CaseProfile, date: Date, ...before: string[]): ScanBlock {
  return { kind: 'signature', lines: [...before, `${profile.policeUnit}（印）`, chineseDate(date)] };
}

function digits(random: SeededRandom, count: number): string {
  return Array.from({ length: count }, () => String(random.int(0, 9))).join('');
}

function amount(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Times from `start` on, each a little after the one before: 2024-03-05 14:22. */
function timeline(random: SeededRandom, start: Date, count: number): string[] {
  let at = start.getTime() + random.int(8 * 60, 11 * 60) * 60_000;
  return Array.from({ length: count }, () => {
    at += random.int(7, 900) * 60_000;
    return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
  });
}

export function caseRegistration(profile: CaseProfile, random: SeededRandom): ScanContent {
  const victim = random.pick(profile.victims);
  const reported = daysAfter(profile.filedAt, -random.int(1, 10));
  return {
    blocks: [
      { kind: 'title', text: profile.policeUnit },
      { kind: 'title', text: '受案登记表' },
      { kind: 'subtitle', text: documentNumber(profile, '受字') },
      {
        kind: 'form',
        rows: [
          [{ text: '报案人' }, { text: victim.name }, { text: '性别' }, { text: victim.gender }],
          [{ text: '出生日期' }, { text: chineseDate(victim.birth) }, { text: '身份证件号码' }, { text: victim.idNumber }],
          [{ text: '工作单位' }, { text: victim.occupation }, { text: '联系方式' }, { text: victim.phone }],
          [{ text: '现住址' }, { text: victim.address, span: 3 }],
          [{ text: '报案时间' }, { text: `${chineseDate(reported)}${clock(random, 8, 20)}` }, { text: '报案方式' }, { text: random.pick(['来所报案', '电话报案', '网上报案']) }],
          [{ text: '接报民警' }, { text: profile.officers.join('、') }, { text: '接报地点' }, { text: `${profile.policeUnit}` }],
          [{ text: '简要案情' }, { text: incident(profile, random, 1).replace(/^(另查明，|同时查明，|经进一步侦查，)/, ''), span: 3 }],
          [{ text: '受案意见' }, { text: `属于本单位管辖的刑事案件，涉嫌${profile.crime}，建议立案侦查。`, span: 3 }],
          [{ text: '受案审批' }, { text: `同意。\u3000审批人：${random.pick(profile.officers)}\u3000${chineseDate(profile.filedAt)}`, span: 3 }],
        ],
      },
      signed(profile, reported),
    ],
    seal: profile.policeUnit,
  };
}

function warrant(profile: CaseProfile, suspect: Person, random: SeededRandom, kind: '拘留证' | '逮捕证'): ScanContent {
  const detention = kind === '拘留证';
  const date = detention ? profile.detainedAt : profile.arrestedAt;
  const decision = detention
    ? `根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人${suspect.name}（性别${suspect.gender}，出生日期${chineseDate(suspect.birth)}，住址${suspect.address}）执行拘留，送${profile.region}看守所羁押。`
    : `根据《中华人民共和国刑事诉讼法》第八十条之规定，经${profile.unitName}批准，兹决定对涉嫌${profile.crime}罪的犯罪嫌疑人${suspect.name}（性别${suspect.gender}，出生日期${chineseDate(suspect.birth)}，住址${suspect.address}）执行逮捕，送${profile.region}看守所羁押。`;
  return {
    blocks: [
      { kind: 'title', text: profile.policeUnit },
      { kind: 'title', text: kind },
      { kind: 'subtitle', text: documentNumber(profile, detention ? '拘字' : '捕字') },
      { kind: 'paragraphs', texts: [decision], indent: true },
      signed(profile, date, '局长（签名）'),
      {
        kind: 'form',
        rows: [
          [{ text: '执行时间' }, { text: `${chineseDate(date)}${clock(random, 9, 21)}` }, { text: '执行人' }, { text: profile.officers.join('、') }],
          [{ text: '羁押处所' }, { text: `${profile.region}看守所`, span: 3 }],
          [{ text: `本证已于${chineseDate(date)}向我宣布。被${detention ? '拘留' : '逮捕'}人：${suspect.name}（捺指印）`, span: 4 }],
          [{ text: `家属通知情况：已于${chineseDate(daysAfter(date, 1))}通知其家属。`, span: 4 }],
        ],
      },
    ],
    seal: profile.policeUnit,
  };
}

export function detentionWarrant(profile: CaseProfile, suspect: Person, random: SeededRandom): ScanContent {
  return warrant(profile, suspect, random, '拘留证');
}

export function arrestWarrant(profile: CaseProfile, suspect: Person, random: SeededRandom): ScanContent {
  return warrant(profile, suspect, random, '逮捕证');
}

export function residentRecord(profile: CaseProfile, person: Person, random: SeededRandom): ScanContent {
  const station = `${profile.policeUnit}${random.pick(['城东', '城西', '江北', '新城', '荔枝', '崇义'])}派出所`;
  return {
    blocks: [
      { kind: 'title', text: '常住人口信息表' },
      {
        kind: 'form',
        rows: [
          [{ text: '姓名' }, { text: person.name }, { text: '性别' }, { text: person.gender }],
          [{ text: '民族' }, { text: '汉族' }, { text: '出生日期' }, { text: chineseDate(person.birth) }],
          [{ text: '公民身份号码' }, { text: person.idNumber, span: 3 }],
          [{ text: '户籍地址' }, { text: person.address, span: 3 }],
          [{ text: '文化程度' }, { text: person.education }, { text: '婚姻状况' }, { text: random.pick(['未婚', '已婚', '离婚']) }],
          [{ text: '职业' }, { text: person.occupation }, { text: '兵役状况' }, { text: random.pick(['未服兵役', '退出现役']) }],
          [{ text: '联系电话' }, { text: person.phone }, { text: '籍贯' }, { text: profile.region }],
          [{ text: '登记单位' }, { text: station, span: 3 }],
        ],
      },
      { kind: 'signature', lines: [`打印单位：${profile.policeUnit}`, `打印时间：${chineseDate(daysAfter(profile.detainedAt, 1))}`] },
    ],
    seal: profile.policeUnit,
  };
}

const SEIZED: ((profile: CaseProfile, r: SeededRandom) => [string, string, string])[] = [
  (_p, r) => ['手机', '1部', `${r.pick(['黑色', '白色', '金色'])}${r.pick(['苹果', '华为', '小米', 'OPPO'])}手机，IMEI号${digits(r, 15)}`],
  (_p, r) => ['银行卡', `${r.int(1, 4)}张`, `${r.pick(['中国工商银行', '中国农业银行', '中国建设银行'])}借记卡，尾号${digits(r, 4)}`],
  (_p, r) => ['现金', '1宗', `人民币${r.int(2, 90) * 100}元，面额100元`],
  (_p, r) => ['笔记本电脑', '1台', `${r.pick(['联想', '戴尔', '华为'])}牌，银灰色，序列号${digits(r, 8)}`],
  (_p, r) => ['U盘', '1个', `${r.pick(['金士顿', '闪迪'])}牌，容量${r.pick(['16', '32', '64'])}GB`],
  (p, r) => ['账本', '1本', `记载与${r.pick(p.victims).name}往来款项`],
  (_p, r) => ['车钥匙', '1把', `${r.pick(['大众', '丰田', '长安'])}牌小型轿车钥匙`],
  (_p, r) => ['POS机', '1台', `${r.pick(['拉卡拉', '银联商务'])}POS机，机身号${digits(r, 10)}`],
  (p, r) => ['收据', `${r.int(2, 9)}张`, `${p.region}${r.pick(PLACES)}出具`],
];

export function seizureList(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const holder = random.pick(profile.suspects).name;
  const first = page * 10;
  const rows = Array.from({ length: random.int(5, 10) }, (_, i) => {
    const [name, count, features] = random.pick(SEIZED)(profile, random);
    return [String(first + i + 1), name, count, features, random.pick(['', '', '已拍照', '随案移送', '封存'])];
  });
  return {
    blocks: [
      { kind: 'title', text: profile.policeUnit },
      { kind: 'title', text: '扣押清单' },
      { kind: 'subtitle', text: documentNumber(profile, '扣字') },
      { kind: 'paragraphs', texts: [`持有人：${holder}\u3000\u3000见证人：${random.pick(profile.witnesses).name}\u3000\u3000扣押地点：${profile.region}${random.pick(PLACES)}`] },
      {
        kind: 'table',
        ruled: true,
        columns: [
          { title: '编号', share: 0.09 },
          { title: '名称', share: 0.17 },
          { title: '数量', share: 0.1 },
          { title: '特征', share: 0.48 },
          { title: '备注', share: 0.16 },
        ],
        rows,
      },
      signed(profile, daysAfter(profile.detainedAt, random.int(0, 3)), `办案人：${profile.officers.join('、')}`, `持有人：${holder}`),
    ],
    seal: profile.policeUnit,
  };
}

const BANKS = ['中国工商银行', '中国农业银行', '中国建设银行', '中国银行', '交通银行'];

export function bankStatement(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const holder = random.pick(profile.suspects);
  const bank = random.pick(BANKS);
  const start = daysAfter(profile.filedAt, -200 + page * 20);
  let balance = random.int(2_000, 20_000) + random.int(0, 99) / 100;
  const times = timeline(random, start, 26);
  const rows = times.map((time) => {
    const value = Math.max(10, Math.round((profile.amount / random.int(4, 40)) * 100) / 100);
    // Money goes out only while there is some.
    const income = value > balance || random.chance(0.45);
    balance = Math.round((balance + (income ? value : -value)) * 100) / 100;
    const other = income ? random.pick([...profile.victims.map((v) => v.name), '财付通支付科技有限公司', '支付宝转账']) : random.pick(['ATM取款', `${branchPlace(profile)}某超市`, '网络消费', '跨行转出', random.pick(profile.witnesses).name]);
    return [time, income ? random.pick(['转入', '跨行汇入', '网银转入']) : random.pick(['转出', '取款', '消费']), `${income ? '+' : '-'}${amount(value)}`, amount(balance), other];
  });
  const end = new Date(`${(times[times.length - 1] as string).slice(0, 10)}T00:00:00Z`);
  return {
    blocks: [
      { kind: 'title', text: `${bank}个人账户交易明细` },
      {
        kind: 'paragraphs',
        texts: [
          `户名：${holder.name}\u3000账号：6222${digits(random, 4)}${digits(random, 4)}${digits(random, 4)}`,
          `开户行：${bank}${branchPlace(profile)}支行\u3000查询期间：${chineseDate(start)}至${chineseDate(end)}`,
        ],
      },
      {
        kind: 'table',
        ruled: false,
        small: true,
        columns: [
          { title: '交易时间', share: 0.23 },
          { title: '摘要', share: 0.12 },
          { title: '交易金额', share: 0.18 },
          { title: '账户余额', share: 0.17 },
          { title: '对方户名', share: 0.3 },
        ],
        rows,
      },
      { kind: 'signature', lines: [`${bank}${branchPlace(profile)}支行（业务专用章）`, `第${page + 1}页`] },
    ],
    seal: `${bank}${branchPlace(profile)}支行`,
  };
}

export function callRecords(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const holder = random.pick(profile.suspects);
  const start = daysAfter(profile.filedAt, -120 + page * 10);
  const contacts = [...profile.victims, ...profile.witnesses, ...profile.suspects.filter((s) => s !== holder)].map((p) => p.phone);
  const places = [profile.region, ...placeNames(profile.region).slice(-1).map((name) => `${name}城区`)];
  const rows = timeline(random, start, 26).map((time) => {
    const other = random.chance(0.6) ? random.pick(contacts) : `1${random.pick(['3', '5', '8'])}${digits(random, 9)}`;
    return [`${time}:${String(random.int(0, 59)).padStart(2, '0')}`, random.pick(['主叫', '被叫']), other, `${random.int(8, 900)}秒`, random.pick(places)];
  });
  return {
    blocks: [
      { kind: 'title', text: '通话详单' },
      { kind: 'paragraphs', texts: [`机主姓名：${holder.name}\u3000号码：${holder.phone}`, `调取单位：${profile.policeUnit}\u3000调取时间：${chineseDate(daysAfter(profile.filedAt, random.int(2, 20)))}`] },
      {
        kind: 'table',
        ruled: false,
        small: true,
        columns: [
          { title: '起始时间', share: 0.3 },
          { title: '类型', share: 0.1 },
          { title: '对方号码', share: 0.22 },
          { title: '时长', share: 0.13 },
          { title: '通话地', share: 0.25 },
        ],
        rows,
      },
      { kind: 'signature', lines: [`第${page + 1}页`] },
    ],
  };
}

const CHAT = [
  '钱转过去了吗', '收到了，明天给你办好', '再等两天，手续快下来了', '你先转一半过来', '好的，我晚上转给你',
  '怎么还没消息', '别急，那边还在审核', '电话打不通，你在哪里', '保证金退了我就还你', '这个事情不要告诉别人',
];

function chatRecords(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const suspect = random.pick(profile.suspects).name;
  const victim = random.pick(profile.victims).name;
  const rows = timeline(random, daysAfter(profile.filedAt, -90 + page * 7), random.int(12, 18)).map((time) => {
    const text = random.chance(0.2) ? `[转账]${money(random.int(5, 300) * 100)}` : random.pick(CHAT);
    return [time, random.chance(0.5) ? suspect : victim, text];
  });
  return {
    blocks: [
      { kind: 'title', text: '微信聊天记录截图' },
      { kind: 'paragraphs', texts: [`提取自：被害人${victim}手机\u3000提取人：${profile.officers.join('、')}`] },
      { kind: 'table', ruled: true, columns: [{ title: '时间', share: 0.25 }, { title: '发送人', share: 0.15 }, { title: '内容', share: 0.6 }], rows },
      { kind: 'signature', lines: [`提供人：${victim}（签名）`, chineseDate(daysAfter(profile.filedAt, random.int(1, 9)))] },
    ],
  };
}

function transferSlips(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const bank = random.pick(BANKS);
  const victim = random.pick(profile.victims);
  const suspect = random.pick(profile.suspects);
  const value = Math.round(profile.amount / random.int(2, 8));
  const date = daysAfter(profile.filedAt, -random.int(10, 150));
  return {
    blocks: [
      { kind: 'title', text: `${bank}网上银行电子回单` },
      { kind: 'subtitle', text: `回单编号：${digits(random, 16)}\u3000第${page + 1}张` },
      {
        kind: 'table',
        ruled: true,
        columns: [{ title: '项目', share: 0.28 }, { title: '内容', share: 0.72 }],
        rows: [
          ['付款人户名', victim.name],
          ['付款人账号', `6228${digits(random, 12)}`],
          ['收款人户名', suspect.name],
          ['收款人账号', `6217${digits(random, 12)}`],
          ['收款人开户行', `${bank}${branchPlace(profile)}支行`],
          ['金额', `${money(value)}`],
          ['用途', random.pick(['借款', '投资款', '货款', '保证金', '往来款'])],
          ['交易时间', `${chineseDate(date)}${clock(random, 8, 22)}`],
        ],
      },
      { kind: 'signature', lines: [`${bank}电子回单专用章`] },
    ],
    seal: `${bank}${branchPlace(profile)}支行`,
  };
}

function cameraStills(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const date = daysAfter(profile.filedAt, -random.int(3, 60));
  const rows = Array.from({ length: random.int(8, 14) }, (_, i) => [
    String(page * 14 + i + 1),
    `${chineseDate(date)}${clock(random, 8, 23)}`,
    `${profile.region}${random.pick(PLACES)}`,
    `${random.pick(profile.suspects).name}${random.pick(['进入画面', '与他人交谈', '使用手机', '离开现场', '驾车驶离'])}`,
  ]);
  return {
    blocks: [
      { kind: 'title', text: '监控视频截图说明' },
      { kind: 'table', ruled: true, columns: [{ title: '序号', share: 0.08 }, { title: '时间', share: 0.3 }, { title: '地点', share: 0.32 }, { title: '画面内容', share: 0.3 }], rows },
      signed(profile, daysAfter(profile.filedAt, random.int(1, 20)), `调取人：${profile.officers.join('、')}`),
    ],
    seal: profile.policeUnit,
  };
}

function receipts(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const rows = Array.from({ length: random.int(5, 10) }, (_, i) => [
    String(page * 10 + i + 1),
    chineseDate(daysAfter(profile.filedAt, -random.int(10, 300))),
    random.pick(profile.suspects).name,
    random.pick(['借条', '收条', '欠条']),
    money(random.int(5, 200) * 100),
  ]);
  return {
    blocks: [
      { kind: 'title', text: '收条及借条复印件' },
      { kind: 'paragraphs', texts: [`今借到${random.pick(profile.victims).name}${money(Math.round(profile.amount / 3))}，于三个月内归还。`], indent: true },
      { kind: 'table', ruled: true, columns: [{ title: '序号', share: 0.08 }, { title: '日期', share: 0.25 }, { title: '出具人', share: 0.17 }, { title: '类别', share: 0.15 }, { title: '金额', share: 0.35 }], rows },
      { kind: 'signature', lines: ['经核对与原件一致', `核对人：${profile.officers[0] ?? ''}`] },
    ],
  };
}

function businessLicence(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const owner = random.pick(profile.suspects).name;
  const company = `${placeNames(profile.region).slice(-1)[0] ?? ''}${random.pick(['鑫达', '恒通', '顺发', '宏远', '金诚'])}${random.pick(['商贸', '信息咨询', '投资管理', '物流'])}有限公司`;
  return {
    blocks: [
      { kind: 'title', text: '营业执照' },
      { kind: 'subtitle', text: `（副本）\u3000第${page + 1}页` },
      {
        kind: 'form',
        rows: [
          [{ text: '统一社会信用代码' }, { text: `91500102${digits(random, 10)}`, span: 3 }],
          [{ text: '名称' }, { text: company, span: 3 }],
          [{ text: '类型' }, { text: '有限责任公司' }, { text: '法定代表人' }, { text: owner }],
          [{ text: '注册资本' }, { text: `${random.int(10, 500)}万元人民币` }, { text: '成立日期' }, { text: chineseDate(daysAfter(profile.filedAt, -random.int(400, 2000))) }],
          [{ text: '住所' }, { text: `${profile.region}${random.pick(['人民路', '兴华路', '太极大道'])}${random.int(1, 300)}号`, span: 3 }],
          [{ text: '经营范围' }, { text: '企业管理咨询；商务信息咨询；日用百货销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）', span: 3 }],
        ],
      },
      { kind: 'signature', lines: [`登记机关：${profile.region}市场监督管理局`, chineseDate(daysAfter(profile.filedAt, -random.int(30, 300)))] },
    ],
    seal: `${profile.region}市场监督管理局`,
  };
}

/** The 书证 papers, by the name in the document's title. */
export const EVIDENCE_PAPERS: Record<string, (profile: CaseProfile, page: number, random: SeededRandom) => ScanContent> = {
  银行账户交易明细: bankStatement,
  微信聊天记录截图: chatRecords,
  转账电子回单: transferSlips,
  通话详单: callRecords,
  监控视频截图: cameraStills,
  收条及借条复印件: receipts,
  营业执照复印件: businessLicence,
};

const VIEWS = ['现场方位', '现场概貌', '重点部位', '细目', '物证位置'];
const DIRECTIONS = ['由东向西', '由西向东', '由南向北', '由北向南'];

export function scenePhotos(profile: CaseProfile, page: number, random: SeededRandom): ScanContent {
  const place = `${profile.region}${random.pick(PLACES)}`;
  const photo = (n: number): ScanBlock => ({ kind: 'photo', caption: `照片${n}：${place}${random.pick(VIEWS)}（${random.pick(DIRECTIONS)}拍摄）` });
  return {
    blocks: [
      { kind: 'title', text: '现场照片' },
      photo(page * 2 + 1),
      photo(page * 2 + 2),
      { kind: 'signature', lines: [`拍照人：${random.pick(profile.officers)}\u3000\u3000制作时间：${chineseDate(daysAfter(profile.filedAt, random.int(0, 5)))}`] },
    ],
  };
}

export function expertCredentials(profile: CaseProfile, random: SeededRandom): ScanContent {
  const centre = `${profile.region}公安司法鉴定中心`;
  return {
    blocks: [
      { kind: 'title', text: centre },
      { kind: 'title', text: '鉴定机构及鉴定人资格证明' },
      {
        kind: 'paragraphs',
        indent: true,
        texts: [
          `兹证明${centre}系经公安机关依法登记的鉴定机构，登记证号为${digits(random, 8)}，业务范围包括法医类、物证类及电子数据鉴定。`,
          `鉴定人${profile.officers.join('、')}具有相应鉴定资格，鉴定人资格证书编号分别为${digits(random, 9)}、${digits(random, 9)}，在有效期内。`,
          '以上情况属实，特此证明。',
        ],
      },
      { kind: 'signature', lines: [`${centre}（印）`, chineseDate(daysAfter(profile.filedAt, random.int(5, 40)))] },
    ],
    seal: centre,
  };
}

/** A scanned volume's cover (卷皮). */
export function volumeCover(profile: CaseProfile, volumeName: string, pages: number): ScanContent {
  return {
    blocks: [
      { kind: 'title', text: profile.policeUnit },
      { kind: 'title', text: '刑事侦查卷宗' },
      { kind: 'subtitle', text: `（${volumeName}）` },
      { kind: 'form', rows: volumeCoverRows(profile, volumeName, 1, pages).map(([label, value]) => [{ text: label }, { text: value, span: 3 }]) },
    ],
  };
}

/** A scanned volume's 卷内目录: 序号, 文件名称, 页次. */
export function volumeContents(profile: CaseProfile, volumeName: string, entries: { title: string; pages: string }[]): ScanContent {
  return {
    blocks: [
      { kind: 'title', text: '卷内目录' },
      { kind: 'paragraphs', texts: [`${profile.caseName}\u3000${volumeName}`] },
      {
        kind: 'table',
        ruled: true,
        columns: [{ title: '序号', share: 0.1 }, { title: '文件名称', share: 0.7 }, { title: '页次', share: 0.2 }],
        rows: entries.map((entry, i) => [String(i + 1), entry.title, entry.pages]),
      },
    ],
  };
}

/**
 * Papers that show what a layout looks like, for scans drawn once and reused (heavy scans) and
 * for a page no document describes: variant `n` shows the n-th (cycling).
 */
export function layoutSamples(profile: CaseProfile): Record<Exclude<ScanLayout, 'letter'>, ScanPaper[]> {
  const suspect = profile.suspects[0] as Person;
  return {
    form: [
      (_p, r) => caseRegistration(profile, r),
      (_p, r) => detentionWarrant(profile, suspect, r),
      (_p, r) => residentRecord(profile, suspect, r),
      (_p, r) => arrestWarrant(profile, suspect, r),
    ],
    table: [(p, r) => seizureList(profile, p, r), (p, r) => chatRecords(profile, p, r), (p, r) => cameraStills(profile, p, r), (p, r) => receipts(profile, p, r)],
    statement: [(p, r) => bankStatement(profile, p, r), (p, r) => callRecords(profile, p, r)],
    photo: [(p, r) => scenePhotos(profile, p, r)],
  };
}
