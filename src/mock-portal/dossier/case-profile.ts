/** The facts a dossier's documents share: who, where, when, what — drawn from the spec and the seed. */
import type { SeededRandom } from './seeded-random';

export interface Person {
  name: string;
  gender: '男' | '女';
  birth: Date;
  idNumber: string;
  address: string;
  occupation: string;
  education: string;
  phone: string;
}

export interface CaseProfile {
  caseName: string;
  unitName: string;
  /** e.g. 诈骗 */
  crime: string;
  suspects: Person[];
  victims: Person[];
  witnesses: Person[];
  /** 侦查员, two per 笔录 as the law requires. */
  officers: string[];
  /** The investigating police organ, e.g. 重庆市涪陵区公安局. */
  policeUnit: string;
  /** Where the case happened, e.g. 重庆市涪陵区. */
  region: string;
  /** 涪公（刑）诉字〔2024〕123号 */
  caseNumber: string;
  filedAt: Date;
  detainedAt: Date;
  arrestedAt: Date;
  referredAt: Date;
  /** The amount at stake, in yuan. */
  amount: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞辉建国志明海燕丹宁浩宇婷颖鑫斌凯俊峰雪梅琳晨阳文博子涵思远欣怡佳琪晓东春林永福德胜家豪小龙云霄';
const CRIMES = [
  '诈骗', '盗窃', '故意伤害', '危险驾驶', '非法吸收公众存款', '贩卖毒品', '寻衅滋事', '抢劫', '职务侵占',
  '帮助信息网络犯罪活动', '开设赌场', '合同诈骗', '交通肇事', '掩饰、隐瞒犯罪所得', '非法经营', '敲诈勒索',
];
const STREETS = ['人民路', '解放路', '建设路', '中山路', '滨江路', '兴华路', '太极大道', '长江路', '和平路', '新华路'];
const OCCUPATIONS = ['无业', '个体经营者', '公司职员', '务工', '销售人员', '司机', '自由职业', '务农'];
const EDUCATION = ['初中', '高中', '中专', '大专', '大学本科', '小学'];

export function personName(random: SeededRandom): string {
  const given = random.chance(0.6) ? random.pick([...GIVEN]) + random.pick([...GIVEN]) : random.pick([...GIVEN]);
  return random.pick([...SURNAMES]) + given;
}

/** A mainland ID number with a correct check digit (GB 11643). */
export function idNumberFor(regionCode: string, birth: Date, random: SeededRandom, gender: '男' | '女'): string {
  const ymd = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  let sequence = random.int(0, 49) * 2 + (gender === '男' ? 1 : 0);
  sequence = random.int(1, 9) * 100 + (sequence % 100);
  const body = `${regionCode}${ymd}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** 重庆市涪陵区人民检察院 → 重庆市涪陵区; 安徽省人民检察院 → 安徽省. */
function regionOf(unitName: string): string {
  const match = /^(.*?)(人民检察院|检察院)/.exec(unitName);
  const region = match?.[1]?.trim();
  return region && region.length >= 2 ? region : '某市';
}

function policeUnitOf(region: string): string {
  return /省$|自治区$/.test(region) ? `${region}公安厅` : `${region}公安局`;
}

/** The first character of the innermost place name: 重庆市涪陵区 → 涪. */
function placeAbbreviation(region: string): string {
  const parts = region.match(/.+?(?:省|自治区|市|区|县|州|盟|旗)/g) ?? [region];
  return (parts[parts.length - 1] ?? region).charAt(0);
}

function crimeOf(caseName: string, random: SeededRandom): string {
  const known = CRIMES.filter((crime) => caseName.includes(crime.replace('、', ''))).sort((a, b) => b.length - a.length)[0];
  if (known) return known;
  const match = /涉嫌(.{2,12}?)罪?案/.exec(caseName);
  return match?.[1] ?? random.pick(CRIMES);
}

function person(random: SeededRandom, name: string, region: string, regionCode: string): Person {
  const gender = random.chance(0.7) ? '男' : '女';
  const birth = new Date(Date.UTC(random.int(1965, 2003), random.int(0, 11), random.int(1, 28)));
  return {
    name,
    gender,
    birth,
    idNumber: idNumberFor(regionCode, birth, random, gender),
    address: `${region}${random.pick(STREETS)}${random.int(1, 399)}号${random.int(1, 30)}-${random.int(1, 6)}`,
    occupation: random.pick(OCCUPATIONS),
    education: random.pick(EDUCATION),
    phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
  };
}

export function buildCaseProfile(
  spec: { caseName: string; unitName: string; suspects: string[] },
  random: SeededRandom,
): CaseProfile {
  const region = regionOf(spec.unitName.trim());
  const regionCode = String(random.int(110101, 659001)).padStart(6, '0');
  const crime = crimeOf(spec.caseName, random);
  const names = spec.suspects.map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) names.push(personName(random));
  const filedAt = new Date(Date.UTC(random.int(2022, 2024), random.int(0, 11), random.int(1, 28)));
  const detainedAt = addDays(filedAt, random.int(1, 5));
  const arrestedAt = addDays(detainedAt, random.int(25, 37));
  const referredAt = addDays(arrestedAt, random.int(45, 120));
  const year = filedAt.getUTCFullYear();
  return {
    caseName: spec.caseName.trim(),
    unitName: spec.unitName.trim(),
    crime,
    suspects: names.map((name) => person(random, name, region, regionCode)),
    victims: Array.from({ length: random.int(1, 3) }, () => person(random, personName(random), region, regionCode)),
    witnesses: Array.from({ length: random.int(2, 4) }, () => person(random, personName(random), region, regionCode)),
    officers: [personName(random), personName(random)],
    policeUnit: policeUnitOf(region),
    region,
    caseNumber: `${placeAbbreviation(region)}公（刑）诉字〔${year}〕${random.int(12, 980)}号`,
    filedAt,
    detainedAt,
    arrestedAt,
    referredAt,
    amount: random.int(8, 900) * 1000 + random.int(0, 99) * 10,
  };
}

/** 2024年3月5日 */
export function chineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

export function daysAfter(date: Date, days: number): Date {
  return addDays(date, days);
}
