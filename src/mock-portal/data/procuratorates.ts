/**
 * The procuratorate directory the portal knows: 受理单位 for 案件绑定申请, and the contact list of
 * 帮助 ▸ 联系方式. Units in the pilot provinces offer 在线阅卷; the Kunming units and their 案管大厅
 * numbers are copied as the manual lists them (names and numbers as printed there). Other units
 * carry no phone numbers: none are published in the manual.
 */
import { ONLINE_REVIEW_PILOT_PROVINCES, type Procuratorate } from '../../shared/portal-wire';

type Unit = Omit<Procuratorate, 'pilot' | 'caseHallPhones'> & { caseHallPhones?: string[] };

const units: Unit[] = [
  // 上海市
  { id: 'sh-city', name: '上海市人民检察院', shortName: '上海市院', province: '上海市', city: '上海市' },
  { id: 'sh-branch-1', name: '上海市人民检察院第一分院', shortName: '上海一分院', province: '上海市', city: '上海市' },
  { id: 'sh-pudong', name: '上海市浦东新区人民检察院', shortName: '浦东新区院', province: '上海市', city: '上海市' },
  { id: 'sh-huangpu', name: '上海市黄浦区人民检察院', shortName: '黄浦区院', province: '上海市', city: '上海市' },
  { id: 'sh-xuhui', name: '上海市徐汇区人民检察院', shortName: '徐汇区院', province: '上海市', city: '上海市' },
  { id: 'sh-minhang', name: '上海市闵行区人民检察院', shortName: '闵行区院', province: '上海市', city: '上海市' },
  // 安徽省
  { id: 'ah-province', name: '安徽省人民检察院', shortName: '安徽省院', province: '安徽省', city: '合肥市' },
  { id: 'ah-hefei', name: '合肥市人民检察院', shortName: '合肥市院', province: '安徽省', city: '合肥市' },
  { id: 'ah-hefei-shushan', name: '合肥市蜀山区人民检察院', shortName: '蜀山区院', province: '安徽省', city: '合肥市' },
  { id: 'ah-wuhu', name: '芜湖市人民检察院', shortName: '芜湖市院', province: '安徽省', city: '芜湖市' },
  { id: 'ah-bengbu', name: '蚌埠市人民检察院', shortName: '蚌埠市院', province: '安徽省', city: '蚌埠市' },
  { id: 'ah-anqing', name: '安庆市人民检察院', shortName: '安庆市院', province: '安徽省', city: '安庆市' },
  // 重庆市
  { id: 'cq-city', name: '重庆市人民检察院', shortName: '重庆市院', province: '重庆市', city: '重庆市' },
  { id: 'cq-branch-1', name: '重庆市人民检察院第一分院', shortName: '重庆一分院', province: '重庆市', city: '重庆市' },
  { id: 'cq-fuling', name: '重庆市涪陵区人民检察院', shortName: '涪陵区院', province: '重庆市', city: '重庆市' },
  { id: 'cq-yuzhong', name: '重庆市渝中区人民检察院', shortName: '渝中区院', province: '重庆市', city: '重庆市' },
  { id: 'cq-jiangbei', name: '重庆市江北区人民检察院', shortName: '江北区院', province: '重庆市', city: '重庆市' },
  { id: 'cq-wanzhou', name: '重庆市万州区人民检察院', shortName: '万州区院', province: '重庆市', city: '重庆市' },
  // 云南省昆明市: 昆明市检察机关案管大厅联系电话 (end of the manual)
  kunming('km-city', '昆明市人民检察院', '昆明市院', ['0871-66057111', '0871-66057319', '0871-66057105']),
  kunming('km-wuhua', '昆明市五华区人民检察院', '五华区院', ['0871-64124443']),
  kunming('km-panlong', '昆明市盘龙区人民检察院', '盘龙区院', ['0871-66106008']),
  kunming('km-guandu', '昆明市官渡区人民检察院', '官渡区院', ['0871-64895412']),
  kunming('km-xishan', '昆明市西山区人民检察院', '西山区院', ['0871-68573160']),
  kunming('km-chenggong', '昆明市呈贡区人民检察院', '呈贡区院', ['0871-67477122']),
  kunming('km-jinning', '昆明市晋宁区人民检察院', '晋宁区院', ['0871-67806575']),
  kunming('km-dongchuan', '昆明市东川区人民检察院', '东川区院', ['0871-62168369']),
  kunming('km-anning', '昆明市安宁市人民检察院', '安宁市院', ['0871-68697450']),
  kunming('km-yiliang', '昆明市宜良县人民检察院', '宜良县院', ['0871-66391418']),
  kunming('km-shilin', '昆明市石林县人民检察院', '石林县院', ['0871-66391418']),
  kunming('km-gaocun', '昆明市高村县人民检察院', '高村县院', ['0871-67744531']),
  kunming('km-gaoming', '昆明市高明县人民检察院', '高明县院', ['0871-67911811']),
  kunming('km-fumin', '昆明市富民县人民检察院', '富民县院', ['0871-67911811']),
  // Elsewhere: bindings only, no online review yet.
  { id: 'bj-city', name: '北京市人民检察院', shortName: '北京市院', province: '北京市', city: '北京市' },
  { id: 'bj-dongcheng', name: '北京市东城区人民检察院', shortName: '东城区院', province: '北京市', city: '北京市' },
  { id: 'bj-haidian', name: '北京市海淀区人民检察院', shortName: '海淀区院', province: '北京市', city: '北京市' },
  { id: 'gd-province', name: '广东省人民检察院', shortName: '广东省院', province: '广东省', city: '广州市' },
  { id: 'gd-guangzhou', name: '广州市人民检察院', shortName: '广州市院', province: '广东省', city: '广州市' },
  { id: 'gd-shenzhen', name: '深圳市人民检察院', shortName: '深圳市院', province: '广东省', city: '深圳市' },
];

function kunming(id: string, name: string, shortName: string, caseHallPhones: string[]): Unit {
  return { id, name, shortName, province: '云南省', city: '昆明市', caseHallPhones };
}

const pilotProvinces: readonly string[] = ONLINE_REVIEW_PILOT_PROVINCES;

/** Every unit, in the order above (pilot provinces first). Frozen: callers get copies from the service. */
export const procuratorateDirectory: readonly Readonly<Procuratorate>[] = Object.freeze(
  units.map((unit) =>
    Object.freeze({
      ...unit,
      pilot: pilotProvinces.includes(unit.province),
      caseHallPhones: Object.freeze([...(unit.caseHallPhones ?? [])]) as string[],
    }),
  ),
);
