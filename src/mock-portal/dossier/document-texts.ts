/**
 * Plausible Chinese legal text for each text document of a dossier. Everything is built from the
 * case profile and a seeded stream, so the same spec gives the same words.
 */
import { chineseDate, daysAfter, type CaseProfile, type Person } from './case-profile';
import { chineseNumeral } from './chinese-numerals';
import type { SeededRandom } from './seeded-random';
import type { TextContent } from './text-content';

export const PLACES = ['小区门口', '茶楼', '停车场', '租住屋内', '商场', '宾馆房间', '物流园', '农贸市场', '网吧', 'KTV包房'];
const TOOLS = ['微信', '支付宝', '银行卡', '现金', 'QQ', '抖音'];

function birthText(person: Person): string {
  return chineseDate(person.birth);
}

function personLine(person: Person, role: string): string {
  return `${role}${person.name}，${person.gender}，${birthText(person)}出生，公民身份号码${person.idNumber}，汉族，${person.education}文化，${person.occupation}，户籍所在地及住址${person.address}，联系电话${person.phone}。`;
}

export function clock(random: SeededRandom, fromHour: number, toHour: number): string {
  return `${random.int(fromHour, toHour)}时${String(random.int(0, 59)).padStart(2, '0')}分`;
}

export function money(amount: number): string {
  return `人民币${amount.toLocaleString('en-US')}元`;
}

/** One incident of the crime, told as a sentence or two. */
export function incident(profile: CaseProfile, random: SeededRandom, index: number): string {
  const suspect = random.pick(profile.suspects).name;
  const victim = random.pick(profile.victims).name;
  const date = chineseDate(daysAfter(profile.filedAt, -random.int(5, 200)));
  const place = `${profile.region}${random.pick(PLACES)}`;
  const amount = Math.max(500, Math.round((profile.amount / random.int(3, 12)) / 10) * 10);
  const tool = random.pick(TOOLS);
  const lead = index === 0 ? '经依法侦查查明：' : random.pick(['另查明，', '同时查明，', '经进一步侦查，', '']);
  switch (profile.crime) {
    case '盗窃':
      return `${lead}${date}${clock(random, 0, 5)}许，犯罪嫌疑人${suspect}窜至${place}，趁无人注意之机，盗走被害人${victim}放置于该处的财物，经价格认定，被盗财物价值${money(amount)}。`;
    case '故意伤害':
      return `${lead}${date}晚，犯罪嫌疑人${suspect}在${place}因琐事与被害人${victim}发生争执，后持械击打${victim}头面部，致其受伤，经鉴定，${victim}的损伤程度为轻伤二级。`;
    case '危险驾驶':
    case '交通肇事':
      return `${lead}${date}${clock(random, 19, 23)}许，犯罪嫌疑人${suspect}酒后驾驶小型轿车行驶至${profile.region}${random.pick(['滨江路', '人民路', '太极大道'])}路段时被执勤民警查获，经检验，其血液中乙醇含量为${random.int(85, 240)}mg/100ml。`;
    case '贩卖毒品':
      return `${lead}${date}，犯罪嫌疑人${suspect}在${place}以${money(random.int(2, 60) * 100)}的价格向${victim}贩卖甲基苯丙胺（冰毒）${random.int(1, 30)}.${random.int(0, 9)}克，交易完成后被公安民警当场抓获。`;
    default:
      return `${lead}${date}，犯罪嫌疑人${suspect}在${place}，以${random.pick(['投资理财', '代办贷款', '介绍工作', '退还保证金', '帮忙办理入学', '刷单返利'])}为由，通过${tool}先后收取被害人${victim}${money(amount)}，所得款项被其用于个人消费及偿还债务，涉嫌${profile.crime}罪。`;
  }
}

function* endless<T>(make: (index: number) => T): Iterator<T> {
  for (let index = 0; ; index++) yield make(index);
}

const SUSPECT_QUESTIONS: ((p: CaseProfile, s: Person, r: SeededRandom) => [string, string])[] = [
  (p, s, r) => ['请你把事情的经过详细讲一下。', `${incident(p, r, 1).replace(/^(另查明，|同时查明，|经进一步侦查，)/, '')}当时我想着先把钱拿到手，后面的事情以后再说。`],
  (p, s, r) => [`你与${r.pick(p.victims).name}是什么关系？`, `我们是${r.pick(['朋友介绍认识的', '以前的同事', '网上认识的', '邻居', '生意上认识的'])}，认识大概${r.int(1, 6)}年了，平时来往不多。`],
  (_p, _s, r) => ['涉案的钱款现在在哪里？', `大部分已经被我花掉了，${r.pick(['用来还了网贷', '买了手机和衣服', '拿去打牌输掉了', '交了房租'])}，现在我手里还有${r.int(1, 20) * 100}元左右。`],
  (_p, _s, r) => ['你是通过什么方式收款的？', `我用${r.pick(TOOLS)}收的款，账户是我自己实名注册的，尾号是${String(r.int(0, 9999)).padStart(4, '0')}。`],
  (p, _s, r) => ['还有其他人参与吗？', p.suspects.length > 1 ? `${r.pick(p.suspects).name}也参与了，具体分工是他负责联系人，我负责收钱。` : '没有，都是我一个人做的。'],
  (_p, _s, r) => ['你当时是怎么想的？', `当时${r.pick(['手头比较紧', '欠了别人钱', '一时糊涂', '想多挣点钱'])}，没有考虑后果，现在很后悔。`],
  (_p, _s, r) => ['你说的这些有谁可以证明？', `${r.pick(['我的朋友', '我女朋友', '我表哥', '当时在场的人'])}知道一些情况，手机里的聊天记录也可以证明。`],
  (_p, _s, r) => ['你的手机号码是多少？使用多长时间了？', `我的手机号码是1${r.int(30, 99)}${String(r.int(0, 99_999_999)).padStart(8, '0')}，用了${r.int(2, 9)}年了，一直是我本人在使用。`],
  (_p, _s, r) => ['公安机关出示的转账记录你看一下，是否属实？', `我看了，${r.chance(0.8) ? '属实，都是我收的钱' : '大部分属实，有几笔是别人转给我的生活费，与本案无关'}。`],
  (p, _s) => ['你以前受过刑事处罚或者行政处罚吗？', p.crime === '盗窃' ? '二〇一九年因为偷东西被行政拘留过十天。' : '没有受过。'],
  (_p, _s, r) => ['你对自己的行为怎么认识？', `我知道自己的行为违法了，我愿意认罪认罚，${r.pick(['争取退赔被害人的损失', '请求从轻处理', '愿意赔偿并取得谅解'])}。`],
];

const WITNESS_QUESTIONS: ((p: CaseProfile, w: Person, r: SeededRandom) => [string, string])[] = [
  (p, _w, r) => [`你认识${r.pick(p.suspects).name}吗？`, `认识，我们是${r.pick(['朋友', '同事', '老乡', '邻居'])}，平时有来往。`],
  (p, _w, r) => ['请你把你知道的情况讲一下。', `${chineseDate(daysAfter(p.filedAt, -r.int(3, 60)))}左右，我听${r.pick(p.suspects).name}说起过这件事，他说${r.pick(['最近在做投资', '手上有一笔钱要周转', '有门路能办成事'])}，当时我没有多想。`],
  (p, _w, r) => ['你是否见过涉案款项的转账？', `见过，当时在${p.region}${r.pick(PLACES)}，他用手机转了${money(r.int(1, 50) * 100)}给对方，我就在旁边。`],
  (_p, _w, r) => ['事发当天你在什么地方？', `那天${r.int(1, 12)}点多我在${r.pick(['上班', '家里', '朋友家里打牌', '外面吃饭'])}，晚上才知道这件事。`],
  (p, _w, r) => ['被害人的损失是多少，你知道吗？', `听${r.pick(p.victims).name}说一共被骗了${money(p.amount)}左右，具体数字我不清楚。`],
  (_p, _w, r) => ['你说的情况是否属实？', `属实，${r.pick(['我愿意承担法律责任', '都是我亲眼看到的', '我可以和他当面对质'])}。`],
];

function dialogue(
  pool: ((p: CaseProfile, who: Person, r: SeededRandom) => [string, string])[],
  profile: CaseProfile,
  who: Person,
  random: SeededRandom,
): Iterator<string> {
  const pending: string[] = [];
  return endless(() => {
    if (pending.length === 0) {
      const [question, answer] = random.pick(pool)(profile, who, random);
      pending.push(`问：${question}`, `答：${answer}`);
    }
    return pending.shift() as string;
  });
}

function recordHeader(profile: CaseProfile, random: SeededRandom, date: Date, room: string, roleLine: string): string[] {
  const start = clock(random, 8, 15);
  const end = clock(random, 16, 21);
  const [officerA, officerB] = profile.officers;
  return [
    `时间：${chineseDate(date)}${start}至${chineseDate(date)}${end}`,
    `地点：${profile.policeUnit}${room}`,
    `侦查员姓名、单位：${officerA}、${officerB}，${profile.policeUnit}`,
    `记录人姓名、单位：${officerB}，${profile.policeUnit}`,
    roleLine,
  ];
}

export function interrogationRecord(profile: CaseProfile, suspect: Person, round: number, random: SeededRandom): TextContent {
  const date = daysAfter(profile.detainedAt, (round - 1) * random.int(3, 15));
  const opening = [
    `问：我们是${profile.policeUnit}的侦查人员（出示工作证件），现依法对你进行讯问。你应当如实回答我们的提问，对与本案无关的问题，你有拒绝回答的权利。你如实供述自己的罪行，可以从轻或者减轻处罚。你听清楚了吗？`,
    '答：听清楚了。',
    '问：你是否申请侦查人员回避？',
    '答：不申请。',
    '问：你的个人情况？',
    `答：${personLine(suspect, '我叫')}`,
    '问：你知道你为什么被带到公安机关吗？',
    `答：知道，是因为${profile.caseName}的事情。`,
  ];
  const body = dialogue(SUSPECT_QUESTIONS, profile, suspect, random);
  return {
    titleLines: ['讯问笔录'],
    subtitle: `（第${chineseNumeral(round)}次）`,
    header: [
      ...recordHeader(profile, random, date, random.pick(['执法办案中心第一讯问室', '执法办案中心第二讯问室', '看守所第三讯问室']), `犯罪嫌疑人姓名：${suspect.name}`),
      ...(round === 1 ? opening : [`问：今天继续就${profile.caseName}对你进行讯问，你要如实回答，听清楚了吗？`, '答：听清楚了。']),
    ],
    body,
    closing: [
      '问：你还有什么要补充的吗？',
      '答：没有了。',
      '问：以上笔录你看一下，与你所说的是否相符？',
      '答：以上笔录我看过，和我说的相符。',
      `被讯问人：${suspect.name}（签名、捺印）\u3000${chineseDate(date)}`,
      `侦查员：${profile.officers.join('、')}\u3000\u3000记录人：${profile.officers[1]}`,
    ],
    footer: (page, pages) => `被讯问人签名：${suspect.name}\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000第${page}页\u3000共${pages}页`,
    radicals: random.chance(0.5),
  };
}

export function inquiryRecord(profile: CaseProfile, person: Person, role: '被害人' | '证人', random: SeededRandom): TextContent {
  const date = daysAfter(profile.filedAt, random.int(0, 40));
  return {
    titleLines: ['询问笔录'],
    header: [
      ...recordHeader(profile, random, date, random.pick(['执法办案中心询问室', '刑侦大队办公室', '派出所询问室']), `被询问人姓名：${person.name}（${role}）`),
      `问：我们是${profile.policeUnit}的民警（出示工作证件），现依法向你了解有关情况，你应当如实提供证据、证言，有意作伪证或者隐匿罪证要负法律责任，你听清楚了吗？`,
      '答：听清楚了。',
      '问：你的个人情况？',
      `答：${personLine(person, '我叫')}`,
    ],
    body: dialogue(WITNESS_QUESTIONS, profile, person, random),
    closing: [
      '问：以上笔录你看一下，与你所说的是否相符？',
      '答：以上笔录我看过，和我说的相符。',
      `被询问人：${person.name}（签名、捺印）\u3000${chineseDate(date)}`,
    ],
    footer: (page, pages) => `被询问人签名：${person.name}\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000第${page}页\u3000共${pages}页`,
    radicals: random.chance(0.5),
  };
}

export function witnessStatement(profile: CaseProfile, person: Person, random: SeededRandom): TextContent {
  const date = daysAfter(profile.filedAt, random.int(1, 30));
  const suspect = random.pick(profile.suspects).name;
  return {
    titleLines: ['证人证言'],
    header: [personLine(person, '证人'), `关于${profile.caseName}，我将我所知道的情况说明如下：`],
    body: endless((i) =>
      i % 2 === 0
        ? `${chineseDate(daysAfter(profile.filedAt, -random.int(2, 90)))}，我在${profile.region}${random.pick(PLACES)}见到${suspect}，他跟我提起${random.pick(['一笔生意', '有人欠他钱', '最近手头紧', '找人帮忙办事'])}，${random.pick(['说话时情绪比较激动', '还给我看了手机上的转账截图', '让我不要告诉别人', '说过几天就能拿到钱'])}。`
        : `后来我听${random.pick(profile.victims).name}说，${random.pick(['钱一直没有还回来', '对方已经联系不上了', '他已经去派出所报了案', '事情闹得很大'])}，我才知道${suspect}可能涉嫌${profile.crime}。`,
    ),
    closing: ['以上证言是我亲自书写（口述），内容属实，如有虚假，愿意承担法律责任。', `证人：${person.name}`, chineseDate(date)],
    radicals: random.chance(0.6),
  };
}

export function prosecutionOpinion(profile: CaseProfile, random: SeededRandom, title: '起诉意见书' | '提请批准逮捕书'): TextContent {
  const arrest = title === '提请批准逮捕书';
  const dated = arrest ? daysAfter(profile.arrestedAt, -random.int(3, 6)) : profile.referredAt;
  const names = profile.suspects.map((s) => s.name).join('、');
  return {
    titleLines: [profile.policeUnit, title],
    subtitle: profile.caseNumber.replace('诉字', arrest ? '提捕字' : '诉字'),
    header: [
      ...profile.suspects.map((s, i) => `${profile.suspects.length > 1 ? `犯罪嫌疑人${chineseNumeral(i + 1)}：` : '犯罪嫌疑人'}${personLine(s, '')}`),
      `违法犯罪经历：${random.chance(0.7) ? '无。' : '曾因违法行为被行政处罚。'}`,
      `犯罪嫌疑人${names}涉嫌${profile.crime}一案，由被害人${profile.victims[0]?.name ?? ''}于${chineseDate(daysAfter(profile.filedAt, -random.int(1, 10)))}报案至我局。我局经审查，于${chineseDate(profile.filedAt)}立案侦查。犯罪嫌疑人${names}于${chineseDate(profile.detainedAt)}被我局刑事拘留${arrest ? '' : `，经${profile.unitName}批准，于${chineseDate(profile.arrestedAt)}被执行逮捕`}。`,
      `本案即${profile.caseName}，现已侦查终结。`,
    ],
    body: endless((i) => incident(profile, random, i)),
    closing: [
      `认定上述事实的证据如下：被害人${profile.victims.map((v) => v.name).join('、')}的陈述；证人${profile.witnesses.map((w) => w.name).join('、')}的证言；银行账户交易明细、转账记录等书证；鉴定意见；现场勘验检查笔录；犯罪嫌疑人${names}的供述和辩解等。`,
      `上述犯罪事实清楚，证据确实、充分，足以认定。犯罪嫌疑人${names}的行为已触犯《中华人民共和国刑法》之规定，涉嫌${profile.crime}罪。依照《中华人民共和国刑事诉讼法》第${arrest ? '八十七' : '一百六十二'}条之规定，特提请${arrest ? '批准逮捕' : '审查起诉'}。`,
      '此致',
      profile.unitName,
      `局长（签名）\u3000${profile.policeUnit}（印）`,
      chineseDate(dated),
    ],
  };
}

export function filingDecision(profile: CaseProfile, random: SeededRandom): TextContent {
  return {
    titleLines: [profile.policeUnit, '立案决定书'],
    subtitle: profile.caseNumber.replace('诉字', '立字'),
    header: [
      `根据《中华人民共和国刑事诉讼法》第一百零九条之规定，决定对${profile.caseName}立案侦查。`,
    ],
    closing: [`${profile.policeUnit}（印）`, chineseDate(profile.filedAt), `承办人：${profile.officers.join('、')}\u3000\u3000${random.pick(['刑侦大队', '经侦大队', '治安大队'])}`],
  };
}

export function arrivalAccount(profile: CaseProfile, suspect: Person, random: SeededRandom): TextContent {
  return {
    titleLines: ['到案经过'],
    header: [
      `${chineseDate(daysAfter(profile.detainedAt, -1))}，我局民警在工作中发现${profile.caseName}犯罪嫌疑人${suspect.name}的活动轨迹，经研判，于${chineseDate(profile.detainedAt)}${clock(random, 9, 20)}在${profile.region}${random.pick(PLACES)}将其抓获，${suspect.name}到案后${random.chance(0.7) ? '如实供述了自己的犯罪事实' : '对其行为作了辩解'}。`,
      '特此说明。',
    ],
    closing: [`办案民警：${profile.officers.join('、')}`, `${profile.policeUnit}刑侦大队（印）`, chineseDate(profile.detainedAt)],
  };
}

export function identificationRecord(profile: CaseProfile, person: Person, random: SeededRandom): TextContent {
  const suspect = random.pick(profile.suspects).name;
  const date = daysAfter(profile.detainedAt, random.int(1, 10));
  return {
    titleLines: ['辨认笔录'],
    header: [
      ...recordHeader(profile, random, date, '执法办案中心辨认室', `辨认人：${person.name}`),
      `见证人：${random.pick(profile.witnesses).name}`,
      `辨认目的：让辨认人${person.name}对与本案有关的犯罪嫌疑人进行辨认。`,
    ],
    body: endless((i) =>
      i === 0
        ? `辨认过程：侦查人员将包括犯罪嫌疑人${suspect}在内的十二张不同男性的正面免冠照片混杂排列，编号为1至12号，交由辨认人${person.name}进行辨认。`
        : `辨认人${person.name}经仔细辨认，指认出${random.int(1, 12)}号照片上的男子就是${random.pick(['收取其钱款的人', '案发当天在场的人', '与其联系的人'])}，经查，该男子即为犯罪嫌疑人${suspect}。`,
    ),
    closing: ['辨认结果：辨认人辨认出犯罪嫌疑人。', `辨认人：${person.name}\u3000见证人：（签名）\u3000侦查员：${profile.officers.join('、')}`],
    footer: (page, pages) => `第${page}页\u3000共${pages}页`,
  };
}

export function expertOpinion(profile: CaseProfile, random: SeededRandom): TextContent {
  const kind =
    profile.crime === '故意伤害'
      ? { title: '法医学人体损伤程度鉴定意见书', conclusion: '被鉴定人的损伤程度属轻伤二级。' }
      : profile.crime === '危险驾驶' || profile.crime === '交通肇事'
        ? { title: '血液酒精含量检验鉴定意见书', conclusion: `送检血样中检出乙醇成分，含量为${random.int(85, 240)}mg/100ml。` }
        : profile.crime === '贩卖毒品'
          ? { title: '毒品检验鉴定意见书', conclusion: '送检白色晶体中检出甲基苯丙胺成分。' }
          : { title: '电子数据司法鉴定意见书', conclusion: `从检材手机中提取到与本案有关的聊天记录${random.int(20, 400)}条、转账记录${random.int(5, 90)}条。` };
  const victim = random.pick(profile.victims).name;
  const date = daysAfter(profile.filedAt, random.int(5, 30));
  return {
    titleLines: [`${profile.region}公安司法鉴定中心`, kind.title],
    subtitle: `${profile.region.charAt(0)}公鉴（${random.pick(['法医', '理化', '电子'])}）字〔${date.getUTCFullYear()}〕${random.int(100, 999)}号`,
    header: [
      '一、基本情况',
      `委托单位：${profile.policeUnit}`,
      `委托事项：对${profile.caseName}相关检材进行鉴定`,
      `受理日期：${chineseDate(date)}`,
      `鉴定对象：${victim}及相关检材`,
      '二、检案摘要',
      `据委托书记载：${incident(profile, random, 1).replace(/^(另查明，|同时查明，|经进一步侦查，)/, '')}`,
      '三、检验过程',
    ],
    body: endless(
      (i) =>
        `${i + 1}. ${random.pick(['按照相关技术规范', '依据国家标准', '经对检材进行外观检查'])}，${random.pick(['对检材进行了拍照固定和哈希值校验', '采用气相色谱法进行定性定量分析', '对损伤部位进行了体表检查并测量', '对提取数据进行了恢复和分析'])}，${random.pick(['检验结果记录在案', '结果见附件', '检验过程符合规范'])}。`,
    ),
    closing: ['四、分析说明', '根据检验所见，结合送检材料综合分析，认为检验结果可靠。', '五、鉴定意见', kind.conclusion, `鉴定人：${random.pick(profile.officers)}（主检法医师）\u3000${profile.officers[0]}（副主任法医师）`, chineseDate(daysAfter(date, random.int(3, 20)))],
  };
}

export function sceneInspection(profile: CaseProfile, random: SeededRandom): TextContent {
  const date = daysAfter(profile.filedAt, random.int(0, 3));
  const place = `${profile.region}${random.pick(PLACES)}`;
  return {
    titleLines: ['现场勘验检查笔录'],
    header: [
      `现场勘验检查时间：${chineseDate(date)}${clock(random, 8, 12)}至${clock(random, 13, 18)}`,
      `现场地点：${place}`,
      `现场保护情况：${random.pick(['现场由报案人保护，保护良好', '民警到达后设置警戒带，保护良好', '现场已被部分变动'])}。`,
      `天气：${random.pick(['晴', '阴', '小雨', '多云'])}\u3000温度：${random.int(3, 36)}℃`,
      `勘验检查人员：${profile.officers.join('、')}\u3000见证人：${random.pick(profile.witnesses).name}`,
      '现场勘验检查情况：',
    ],
    body: endless(
      (i) =>
        `${i + 1}. 现场位于${place}${random.pick(['东侧', '西侧', '南侧', '北侧'])}，${random.pick(['地面为水泥地面', '室内铺设瓷砖', '周边设有监控探头两处', '门窗完好，无撬压痕迹'])}，在${random.pick(['茶几上', '门口地面', '柜台抽屉内', '车辆副驾驶座位'])}发现${random.pick(['手机一部', '银行卡两张', '手写便条一张', '烟头若干'])}，已拍照并提取。`,
    ),
    closing: ['现场拍照：现场方位、概貌、重点部位及细目照片附后。', `勘验检查人员：${profile.officers.join('、')}\u3000记录人：${profile.officers[1]}\u3000见证人：（签名）`],
    footer: (page, pages) => `第${page}页\u3000共${pages}页`,
  };
}

export function arrestApproval(profile: CaseProfile, random: SeededRandom): TextContent {
  const names = profile.suspects.map((s) => s.name).join('、');
  const requested = daysAfter(profile.arrestedAt, -random.int(3, 6));
  return {
    titleLines: [profile.unitName, '批准逮捕决定书'],
    subtitle: `${profile.caseNumber.charAt(0)}检批捕〔${profile.arrestedAt.getUTCFullYear()}〕${random.int(10, 400)}号`,
    header: [
      `${profile.policeUnit}：`,
      `\u3000\u3000你局于${chineseDate(requested)}以${profile.caseNumber.replace('诉字', '提捕字')}提请批准逮捕书提请批准逮捕犯罪嫌疑人${names}。经本院审查认为，犯罪嫌疑人${names}涉嫌${profile.crime}罪，有证据证明有犯罪事实，可能判处徒刑以上刑罚，采取取保候审尚不足以防止发生社会危险性，符合《中华人民共和国刑事诉讼法》第八十一条规定的逮捕条件。`,
      `\u3000\u3000依照《中华人民共和国刑事诉讼法》第八十八条、第九十条之规定，决定批准逮捕犯罪嫌疑人${names}。请依法立即执行，并将执行情况在三日以内通知本院。`,
    ],
    closing: [`${profile.unitName}（印）`, chineseDate(daysAfter(requested, random.int(2, 6)))],
  };
}

/** The rows of a volume's cover (卷皮), typed or scanned. */
export function volumeCoverRows(profile: CaseProfile, volumeName: string, volumeCount: number, pages: number): [string, string][] {
  return [
    ['案件名称', profile.caseName],
    ['案\u3000\u3000号', profile.caseNumber],
    ['犯罪嫌疑人', profile.suspects.map((s) => s.name).join('、')],
    ['侦查机关', profile.policeUnit],
    ['承办单位', profile.unitName],
    ['卷\u3000\u3000次', `${volumeName}（共${volumeCount}卷）`],
    ['本卷页数', `共 ${pages} 页`],
    ['立卷日期', chineseDate(profile.referredAt)],
    ['保管期限', '永久'],
  ];
}
