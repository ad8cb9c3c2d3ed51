// src/cli/commands/console-generate.ts
import { parseArgs } from "node:util";

// src/mock-portal/dossier/generate-dossier.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir as mkdir2, mkdtemp, open, readFile, rename as rename2, rm, stat as stat2, unlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname2, join as join3, resolve } from "node:path";
import { once } from "node:events";
import iconv2 from "iconv-lite";

// src/mock-portal/dossier/case-profile.ts
var SURNAMES = "\u738B\u674E\u5F20\u5218\u9648\u6768\u9EC4\u8D75\u5434\u5468\u5F90\u5B59\u9A6C\u6731\u80E1\u90ED\u4F55\u9AD8\u6797\u7F57\u90D1\u6881\u8C22\u5B8B\u5510\u8BB8\u97E9\u51AF\u9093\u66F9\u5F6D\u66FE\u8096\u7530\u8463\u8881\u6F58\u4E8E\u848B\u8521\u4F59\u675C\u53F6\u7A0B\u82CF\u9B4F\u5415\u4E01\u4EFB\u6C88\u59DA\u5362\u59DC\u5D14\u949F\u8C2D\u9646\u6C6A\u8303\u91D1\u77F3\u5ED6\u8D3E\u590F\u97E6\u4ED8\u65B9\u767D\u90B9\u5B5F\u718A\u79E6\u90B1\u6C5F\u5C39\u859B\u95EB\u6BB5\u96F7\u4FAF\u9F99\u53F2\u9676\u9ECE\u8D3A\u987E\u6BDB\u90DD\u9F9A\u90B5\u4E07\u94B1\u4E25\u8983\u6B66\u6234\u83AB\u5B54\u5411\u6C64";
var GIVEN = "\u4F1F\u82B3\u5A1C\u654F\u9759\u4E3D\u5F3A\u78CA\u519B\u6D0B\u52C7\u8273\u6770\u5A1F\u6D9B\u660E\u8D85\u79C0\u971E\u5E73\u521A\u6842\u82F1\u534E\u7389\u5170\u840D\u7EA2\u9E4F\u98DE\u8F89\u5EFA\u56FD\u5FD7\u660E\u6D77\u71D5\u4E39\u5B81\u6D69\u5B87\u5A77\u9896\u946B\u658C\u51EF\u4FCA\u5CF0\u96EA\u6885\u7433\u6668\u9633\u6587\u535A\u5B50\u6DB5\u601D\u8FDC\u6B23\u6021\u4F73\u742A\u6653\u4E1C\u6625\u6797\u6C38\u798F\u5FB7\u80DC\u5BB6\u8C6A\u5C0F\u9F99\u4E91\u9704";
var CRIMES = [
  "\u8BC8\u9A97",
  "\u76D7\u7A83",
  "\u6545\u610F\u4F24\u5BB3",
  "\u5371\u9669\u9A7E\u9A76",
  "\u975E\u6CD5\u5438\u6536\u516C\u4F17\u5B58\u6B3E",
  "\u8D29\u5356\u6BD2\u54C1",
  "\u5BFB\u8845\u6ECB\u4E8B",
  "\u62A2\u52AB",
  "\u804C\u52A1\u4FB5\u5360",
  "\u5E2E\u52A9\u4FE1\u606F\u7F51\u7EDC\u72AF\u7F6A\u6D3B\u52A8",
  "\u5F00\u8BBE\u8D4C\u573A",
  "\u5408\u540C\u8BC8\u9A97",
  "\u4EA4\u901A\u8087\u4E8B",
  "\u63A9\u9970\u3001\u9690\u7792\u72AF\u7F6A\u6240\u5F97",
  "\u975E\u6CD5\u7ECF\u8425",
  "\u6572\u8BC8\u52D2\u7D22"
];
var STREETS = ["\u4EBA\u6C11\u8DEF", "\u89E3\u653E\u8DEF", "\u5EFA\u8BBE\u8DEF", "\u4E2D\u5C71\u8DEF", "\u6EE8\u6C5F\u8DEF", "\u5174\u534E\u8DEF", "\u592A\u6781\u5927\u9053", "\u957F\u6C5F\u8DEF", "\u548C\u5E73\u8DEF", "\u65B0\u534E\u8DEF"];
var OCCUPATIONS = ["\u65E0\u4E1A", "\u4E2A\u4F53\u7ECF\u8425\u8005", "\u516C\u53F8\u804C\u5458", "\u52A1\u5DE5", "\u9500\u552E\u4EBA\u5458", "\u53F8\u673A", "\u81EA\u7531\u804C\u4E1A", "\u52A1\u519C"];
var EDUCATION = ["\u521D\u4E2D", "\u9AD8\u4E2D", "\u4E2D\u4E13", "\u5927\u4E13", "\u5927\u5B66\u672C\u79D1", "\u5C0F\u5B66"];
function personName(random) {
  const given = random.chance(0.6) ? random.pick([...GIVEN]) + random.pick([...GIVEN]) : random.pick([...GIVEN]);
  return random.pick([...SURNAMES]) + given;
}
function idNumberFor(regionCode, birth, random, gender) {
  const ymd = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, "0")}${String(birth.getUTCDate()).padStart(2, "0")}`;
  let sequence = random.int(0, 49) * 2 + (gender === "\u7537" ? 1 : 0);
  sequence = random.int(1, 9) * 100 + sequence % 100;
  const body = `${regionCode}${ymd}${String(sequence).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split("").reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return body + "10X98765432"[sum % 11];
}
function addDays(date, days) {
  return new Date(date.getTime() + days * 864e5);
}
function regionOf(unitName) {
  const match = /^(.*?)(人民检察院|检察院)/.exec(unitName);
  const region = match?.[1]?.trim();
  return region && region.length >= 2 ? region : "\u67D0\u5E02";
}
function policeUnitOf(region) {
  return /省$|自治区$/.test(region) ? `${region}\u516C\u5B89\u5385` : `${region}\u516C\u5B89\u5C40`;
}
function placeAbbreviation(region) {
  const parts = region.match(/.+?(?:省|自治区|市|区|县|州|盟|旗)/g) ?? [region];
  return (parts[parts.length - 1] ?? region).charAt(0);
}
function crimeOf(caseName, random) {
  const known = CRIMES.filter((crime) => caseName.includes(crime.replace("\u3001", ""))).sort((a, b) => b.length - a.length)[0];
  if (known) return known;
  const match = /涉嫌(.{2,12}?)罪?案/.exec(caseName);
  return match?.[1] ?? random.pick(CRIMES);
}
function person(random, name, region, regionCode) {
  const gender = random.chance(0.7) ? "\u7537" : "\u5973";
  const birth = new Date(Date.UTC(random.int(1965, 2003), random.int(0, 11), random.int(1, 28)));
  return {
    name,
    gender,
    birth,
    idNumber: idNumberFor(regionCode, birth, random, gender),
    address: `${region}${random.pick(STREETS)}${random.int(1, 399)}\u53F7${random.int(1, 30)}-${random.int(1, 6)}`,
    occupation: random.pick(OCCUPATIONS),
    education: random.pick(EDUCATION),
    phone: `1${random.pick(["3", "5", "7", "8", "9"])}${String(random.int(0, 999999999)).padStart(9, "0")}`
  };
}
function buildCaseProfile(spec, random) {
  const region = regionOf(spec.unitName.trim());
  const regionCode = String(random.int(110101, 659001)).padStart(6, "0");
  const crime = crimeOf(spec.caseName, random);
  const names = spec.suspects.map((s) => s.trim()).filter((s) => s !== "");
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
    caseNumber: `${placeAbbreviation(region)}\u516C\uFF08\u5211\uFF09\u8BC9\u5B57\u3014${year}\u3015${random.int(12, 980)}\u53F7`,
    filedAt,
    detainedAt,
    arrestedAt,
    referredAt,
    amount: random.int(8, 900) * 1e3 + random.int(0, 99) * 10
  };
}
function chineseDate(date) {
  return `${date.getUTCFullYear()}\u5E74${date.getUTCMonth() + 1}\u6708${date.getUTCDate()}\u65E5`;
}
function daysAfter(date, days) {
  return addDays(date, days);
}

// src/mock-portal/dossier/chinese-numerals.ts
var DIGITS = ["\u96F6", "\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D"];
var UNITS = ["", "\u5341", "\u767E", "\u5343"];
function chineseNumeral(n) {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  const digits = String(n).split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] ?? "";
    if (digit === 0) {
      pendingZero = out !== "";
      return;
    }
    if (pendingZero) out += "\u96F6";
    pendingZero = false;
    out += (digit === 1 && unit === "\u5341" && out === "" ? "" : DIGITS[digit]) + unit;
  });
  return out;
}

// src/mock-portal/dossier/document-texts.ts
var PLACES = ["\u5C0F\u533A\u95E8\u53E3", "\u8336\u697C", "\u505C\u8F66\u573A", "\u79DF\u4F4F\u5C4B\u5185", "\u5546\u573A", "\u5BBE\u9986\u623F\u95F4", "\u7269\u6D41\u56ED", "\u519C\u8D38\u5E02\u573A", "\u7F51\u5427", "KTV\u5305\u623F"];
var TOOLS = ["\u5FAE\u4FE1", "\u652F\u4ED8\u5B9D", "\u94F6\u884C\u5361", "\u73B0\u91D1", "QQ", "\u6296\u97F3"];
function birthText(person2) {
  return chineseDate(person2.birth);
}
function personLine(person2, role) {
  return `${role}${person2.name}\uFF0C${person2.gender}\uFF0C${birthText(person2)}\u51FA\u751F\uFF0C\u516C\u6C11\u8EAB\u4EFD\u53F7\u7801${person2.idNumber}\uFF0C\u6C49\u65CF\uFF0C${person2.education}\u6587\u5316\uFF0C${person2.occupation}\uFF0C\u6237\u7C4D\u6240\u5728\u5730\u53CA\u4F4F\u5740${person2.address}\uFF0C\u8054\u7CFB\u7535\u8BDD${person2.phone}\u3002`;
}
function clock(random, fromHour, toHour) {
  return `${random.int(fromHour, toHour)}\u65F6${String(random.int(0, 59)).padStart(2, "0")}\u5206`;
}
function money(amount) {
  return `\u4EBA\u6C11\u5E01${amount.toLocaleString("en-US")}\u5143`;
}
function incident(profile, random, index) {
  const suspect = random.pick(profile.suspects).name;
  const victim = random.pick(profile.victims).name;
  const date = chineseDate(daysAfter(profile.filedAt, -random.int(5, 200)));
  const place = `${profile.region}${random.pick(PLACES)}`;
  const amount = Math.max(500, Math.round(profile.amount / random.int(3, 12) / 10) * 10);
  const tool = random.pick(TOOLS);
  const lead = index === 0 ? "\u7ECF\u4F9D\u6CD5\u4FA6\u67E5\u67E5\u660E\uFF1A" : random.pick(["\u53E6\u67E5\u660E\uFF0C", "\u540C\u65F6\u67E5\u660E\uFF0C", "\u7ECF\u8FDB\u4E00\u6B65\u4FA6\u67E5\uFF0C", ""]);
  switch (profile.crime) {
    case "\u76D7\u7A83":
      return `${lead}${date}${clock(random, 0, 5)}\u8BB8\uFF0C\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u7A9C\u81F3${place}\uFF0C\u8D81\u65E0\u4EBA\u6CE8\u610F\u4E4B\u673A\uFF0C\u76D7\u8D70\u88AB\u5BB3\u4EBA${victim}\u653E\u7F6E\u4E8E\u8BE5\u5904\u7684\u8D22\u7269\uFF0C\u7ECF\u4EF7\u683C\u8BA4\u5B9A\uFF0C\u88AB\u76D7\u8D22\u7269\u4EF7\u503C${money(amount)}\u3002`;
    case "\u6545\u610F\u4F24\u5BB3":
      return `${lead}${date}\u665A\uFF0C\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u5728${place}\u56E0\u7410\u4E8B\u4E0E\u88AB\u5BB3\u4EBA${victim}\u53D1\u751F\u4E89\u6267\uFF0C\u540E\u6301\u68B0\u51FB\u6253${victim}\u5934\u9762\u90E8\uFF0C\u81F4\u5176\u53D7\u4F24\uFF0C\u7ECF\u9274\u5B9A\uFF0C${victim}\u7684\u635F\u4F24\u7A0B\u5EA6\u4E3A\u8F7B\u4F24\u4E8C\u7EA7\u3002`;
    case "\u5371\u9669\u9A7E\u9A76":
    case "\u4EA4\u901A\u8087\u4E8B":
      return `${lead}${date}${clock(random, 19, 23)}\u8BB8\uFF0C\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u9152\u540E\u9A7E\u9A76\u5C0F\u578B\u8F7F\u8F66\u884C\u9A76\u81F3${profile.region}${random.pick(["\u6EE8\u6C5F\u8DEF", "\u4EBA\u6C11\u8DEF", "\u592A\u6781\u5927\u9053"])}\u8DEF\u6BB5\u65F6\u88AB\u6267\u52E4\u6C11\u8B66\u67E5\u83B7\uFF0C\u7ECF\u68C0\u9A8C\uFF0C\u5176\u8840\u6DB2\u4E2D\u4E59\u9187\u542B\u91CF\u4E3A${random.int(85, 240)}mg/100ml\u3002`;
    case "\u8D29\u5356\u6BD2\u54C1":
      return `${lead}${date}\uFF0C\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u5728${place}\u4EE5${money(random.int(2, 60) * 100)}\u7684\u4EF7\u683C\u5411${victim}\u8D29\u5356\u7532\u57FA\u82EF\u4E19\u80FA\uFF08\u51B0\u6BD2\uFF09${random.int(1, 30)}.${random.int(0, 9)}\u514B\uFF0C\u4EA4\u6613\u5B8C\u6210\u540E\u88AB\u516C\u5B89\u6C11\u8B66\u5F53\u573A\u6293\u83B7\u3002`;
    default:
      return `${lead}${date}\uFF0C\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u5728${place}\uFF0C\u4EE5${random.pick(["\u6295\u8D44\u7406\u8D22", "\u4EE3\u529E\u8D37\u6B3E", "\u4ECB\u7ECD\u5DE5\u4F5C", "\u9000\u8FD8\u4FDD\u8BC1\u91D1", "\u5E2E\u5FD9\u529E\u7406\u5165\u5B66", "\u5237\u5355\u8FD4\u5229"])}\u4E3A\u7531\uFF0C\u901A\u8FC7${tool}\u5148\u540E\u6536\u53D6\u88AB\u5BB3\u4EBA${victim}${money(amount)}\uFF0C\u6240\u5F97\u6B3E\u9879\u88AB\u5176\u7528\u4E8E\u4E2A\u4EBA\u6D88\u8D39\u53CA\u507F\u8FD8\u503A\u52A1\uFF0C\u6D89\u5ACC${profile.crime}\u7F6A\u3002`;
  }
}
function* endless(make) {
  for (let index = 0; ; index++) yield make(index);
}
var SUSPECT_QUESTIONS = [
  (p, s, r) => ["\u8BF7\u4F60\u628A\u4E8B\u60C5\u7684\u7ECF\u8FC7\u8BE6\u7EC6\u8BB2\u4E00\u4E0B\u3002", `${incident(p, r, 1).replace(/^(另查明，|同时查明，|经进一步侦查，)/, "")}\u5F53\u65F6\u6211\u60F3\u7740\u5148\u628A\u94B1\u62FF\u5230\u624B\uFF0C\u540E\u9762\u7684\u4E8B\u60C5\u4EE5\u540E\u518D\u8BF4\u3002`],
  (p, s, r) => [`\u4F60\u4E0E${r.pick(p.victims).name}\u662F\u4EC0\u4E48\u5173\u7CFB\uFF1F`, `\u6211\u4EEC\u662F${r.pick(["\u670B\u53CB\u4ECB\u7ECD\u8BA4\u8BC6\u7684", "\u4EE5\u524D\u7684\u540C\u4E8B", "\u7F51\u4E0A\u8BA4\u8BC6\u7684", "\u90BB\u5C45", "\u751F\u610F\u4E0A\u8BA4\u8BC6\u7684"])}\uFF0C\u8BA4\u8BC6\u5927\u6982${r.int(1, 6)}\u5E74\u4E86\uFF0C\u5E73\u65F6\u6765\u5F80\u4E0D\u591A\u3002`],
  (_p, _s, r) => ["\u6D89\u6848\u7684\u94B1\u6B3E\u73B0\u5728\u5728\u54EA\u91CC\uFF1F", `\u5927\u90E8\u5206\u5DF2\u7ECF\u88AB\u6211\u82B1\u6389\u4E86\uFF0C${r.pick(["\u7528\u6765\u8FD8\u4E86\u7F51\u8D37", "\u4E70\u4E86\u624B\u673A\u548C\u8863\u670D", "\u62FF\u53BB\u6253\u724C\u8F93\u6389\u4E86", "\u4EA4\u4E86\u623F\u79DF"])}\uFF0C\u73B0\u5728\u6211\u624B\u91CC\u8FD8\u6709${r.int(1, 20) * 100}\u5143\u5DE6\u53F3\u3002`],
  (_p, _s, r) => ["\u4F60\u662F\u901A\u8FC7\u4EC0\u4E48\u65B9\u5F0F\u6536\u6B3E\u7684\uFF1F", `\u6211\u7528${r.pick(TOOLS)}\u6536\u7684\u6B3E\uFF0C\u8D26\u6237\u662F\u6211\u81EA\u5DF1\u5B9E\u540D\u6CE8\u518C\u7684\uFF0C\u5C3E\u53F7\u662F${String(r.int(0, 9999)).padStart(4, "0")}\u3002`],
  (p, _s, r) => ["\u8FD8\u6709\u5176\u4ED6\u4EBA\u53C2\u4E0E\u5417\uFF1F", p.suspects.length > 1 ? `${r.pick(p.suspects).name}\u4E5F\u53C2\u4E0E\u4E86\uFF0C\u5177\u4F53\u5206\u5DE5\u662F\u4ED6\u8D1F\u8D23\u8054\u7CFB\u4EBA\uFF0C\u6211\u8D1F\u8D23\u6536\u94B1\u3002` : "\u6CA1\u6709\uFF0C\u90FD\u662F\u6211\u4E00\u4E2A\u4EBA\u505A\u7684\u3002"],
  (_p, _s, r) => ["\u4F60\u5F53\u65F6\u662F\u600E\u4E48\u60F3\u7684\uFF1F", `\u5F53\u65F6${r.pick(["\u624B\u5934\u6BD4\u8F83\u7D27", "\u6B20\u4E86\u522B\u4EBA\u94B1", "\u4E00\u65F6\u7CCA\u6D82", "\u60F3\u591A\u6323\u70B9\u94B1"])}\uFF0C\u6CA1\u6709\u8003\u8651\u540E\u679C\uFF0C\u73B0\u5728\u5F88\u540E\u6094\u3002`],
  (_p, _s, r) => ["\u4F60\u8BF4\u7684\u8FD9\u4E9B\u6709\u8C01\u53EF\u4EE5\u8BC1\u660E\uFF1F", `${r.pick(["\u6211\u7684\u670B\u53CB", "\u6211\u5973\u670B\u53CB", "\u6211\u8868\u54E5", "\u5F53\u65F6\u5728\u573A\u7684\u4EBA"])}\u77E5\u9053\u4E00\u4E9B\u60C5\u51B5\uFF0C\u624B\u673A\u91CC\u7684\u804A\u5929\u8BB0\u5F55\u4E5F\u53EF\u4EE5\u8BC1\u660E\u3002`],
  (_p, _s, r) => ["\u4F60\u7684\u624B\u673A\u53F7\u7801\u662F\u591A\u5C11\uFF1F\u4F7F\u7528\u591A\u957F\u65F6\u95F4\u4E86\uFF1F", `\u6211\u7684\u624B\u673A\u53F7\u7801\u662F1${r.int(30, 99)}${String(r.int(0, 99999999)).padStart(8, "0")}\uFF0C\u7528\u4E86${r.int(2, 9)}\u5E74\u4E86\uFF0C\u4E00\u76F4\u662F\u6211\u672C\u4EBA\u5728\u4F7F\u7528\u3002`],
  (_p, _s, r) => ["\u516C\u5B89\u673A\u5173\u51FA\u793A\u7684\u8F6C\u8D26\u8BB0\u5F55\u4F60\u770B\u4E00\u4E0B\uFF0C\u662F\u5426\u5C5E\u5B9E\uFF1F", `\u6211\u770B\u4E86\uFF0C${r.chance(0.8) ? "\u5C5E\u5B9E\uFF0C\u90FD\u662F\u6211\u6536\u7684\u94B1" : "\u5927\u90E8\u5206\u5C5E\u5B9E\uFF0C\u6709\u51E0\u7B14\u662F\u522B\u4EBA\u8F6C\u7ED9\u6211\u7684\u751F\u6D3B\u8D39\uFF0C\u4E0E\u672C\u6848\u65E0\u5173"}\u3002`],
  (p, _s) => ["\u4F60\u4EE5\u524D\u53D7\u8FC7\u5211\u4E8B\u5904\u7F5A\u6216\u8005\u884C\u653F\u5904\u7F5A\u5417\uFF1F", p.crime === "\u76D7\u7A83" ? "\u4E8C\u3007\u4E00\u4E5D\u5E74\u56E0\u4E3A\u5077\u4E1C\u897F\u88AB\u884C\u653F\u62D8\u7559\u8FC7\u5341\u5929\u3002" : "\u6CA1\u6709\u53D7\u8FC7\u3002"],
  (_p, _s, r) => ["\u4F60\u5BF9\u81EA\u5DF1\u7684\u884C\u4E3A\u600E\u4E48\u8BA4\u8BC6\uFF1F", `\u6211\u77E5\u9053\u81EA\u5DF1\u7684\u884C\u4E3A\u8FDD\u6CD5\u4E86\uFF0C\u6211\u613F\u610F\u8BA4\u7F6A\u8BA4\u7F5A\uFF0C${r.pick(["\u4E89\u53D6\u9000\u8D54\u88AB\u5BB3\u4EBA\u7684\u635F\u5931", "\u8BF7\u6C42\u4ECE\u8F7B\u5904\u7406", "\u613F\u610F\u8D54\u507F\u5E76\u53D6\u5F97\u8C05\u89E3"])}\u3002`]
];
var WITNESS_QUESTIONS = [
  (p, _w, r) => [`\u4F60\u8BA4\u8BC6${r.pick(p.suspects).name}\u5417\uFF1F`, `\u8BA4\u8BC6\uFF0C\u6211\u4EEC\u662F${r.pick(["\u670B\u53CB", "\u540C\u4E8B", "\u8001\u4E61", "\u90BB\u5C45"])}\uFF0C\u5E73\u65F6\u6709\u6765\u5F80\u3002`],
  (p, _w, r) => ["\u8BF7\u4F60\u628A\u4F60\u77E5\u9053\u7684\u60C5\u51B5\u8BB2\u4E00\u4E0B\u3002", `${chineseDate(daysAfter(p.filedAt, -r.int(3, 60)))}\u5DE6\u53F3\uFF0C\u6211\u542C${r.pick(p.suspects).name}\u8BF4\u8D77\u8FC7\u8FD9\u4EF6\u4E8B\uFF0C\u4ED6\u8BF4${r.pick(["\u6700\u8FD1\u5728\u505A\u6295\u8D44", "\u624B\u4E0A\u6709\u4E00\u7B14\u94B1\u8981\u5468\u8F6C", "\u6709\u95E8\u8DEF\u80FD\u529E\u6210\u4E8B"])}\uFF0C\u5F53\u65F6\u6211\u6CA1\u6709\u591A\u60F3\u3002`],
  (p, _w, r) => ["\u4F60\u662F\u5426\u89C1\u8FC7\u6D89\u6848\u6B3E\u9879\u7684\u8F6C\u8D26\uFF1F", `\u89C1\u8FC7\uFF0C\u5F53\u65F6\u5728${p.region}${r.pick(PLACES)}\uFF0C\u4ED6\u7528\u624B\u673A\u8F6C\u4E86${money(r.int(1, 50) * 100)}\u7ED9\u5BF9\u65B9\uFF0C\u6211\u5C31\u5728\u65C1\u8FB9\u3002`],
  (_p, _w, r) => ["\u4E8B\u53D1\u5F53\u5929\u4F60\u5728\u4EC0\u4E48\u5730\u65B9\uFF1F", `\u90A3\u5929${r.int(1, 12)}\u70B9\u591A\u6211\u5728${r.pick(["\u4E0A\u73ED", "\u5BB6\u91CC", "\u670B\u53CB\u5BB6\u91CC\u6253\u724C", "\u5916\u9762\u5403\u996D"])}\uFF0C\u665A\u4E0A\u624D\u77E5\u9053\u8FD9\u4EF6\u4E8B\u3002`],
  (p, _w, r) => ["\u88AB\u5BB3\u4EBA\u7684\u635F\u5931\u662F\u591A\u5C11\uFF0C\u4F60\u77E5\u9053\u5417\uFF1F", `\u542C${r.pick(p.victims).name}\u8BF4\u4E00\u5171\u88AB\u9A97\u4E86${money(p.amount)}\u5DE6\u53F3\uFF0C\u5177\u4F53\u6570\u5B57\u6211\u4E0D\u6E05\u695A\u3002`],
  (_p, _w, r) => ["\u4F60\u8BF4\u7684\u60C5\u51B5\u662F\u5426\u5C5E\u5B9E\uFF1F", `\u5C5E\u5B9E\uFF0C${r.pick(["\u6211\u613F\u610F\u627F\u62C5\u6CD5\u5F8B\u8D23\u4EFB", "\u90FD\u662F\u6211\u4EB2\u773C\u770B\u5230\u7684", "\u6211\u53EF\u4EE5\u548C\u4ED6\u5F53\u9762\u5BF9\u8D28"])}\u3002`]
];
function dialogue(pool, profile, who, random) {
  const pending = [];
  return endless(() => {
    if (pending.length === 0) {
      const [question, answer] = random.pick(pool)(profile, who, random);
      pending.push(`\u95EE\uFF1A${question}`, `\u7B54\uFF1A${answer}`);
    }
    return pending.shift();
  });
}
function recordHeader(profile, random, date, room, roleLine) {
  const start = clock(random, 8, 15);
  const end = clock(random, 16, 21);
  const [officerA, officerB] = profile.officers;
  return [
    `\u65F6\u95F4\uFF1A${chineseDate(date)}${start}\u81F3${chineseDate(date)}${end}`,
    `\u5730\u70B9\uFF1A${profile.policeUnit}${room}`,
    `\u4FA6\u67E5\u5458\u59D3\u540D\u3001\u5355\u4F4D\uFF1A${officerA}\u3001${officerB}\uFF0C${profile.policeUnit}`,
    `\u8BB0\u5F55\u4EBA\u59D3\u540D\u3001\u5355\u4F4D\uFF1A${officerB}\uFF0C${profile.policeUnit}`,
    roleLine
  ];
}
function interrogationRecord(profile, suspect, round, random) {
  const date = daysAfter(profile.detainedAt, (round - 1) * random.int(3, 15));
  const opening = [
    `\u95EE\uFF1A\u6211\u4EEC\u662F${profile.policeUnit}\u7684\u4FA6\u67E5\u4EBA\u5458\uFF08\u51FA\u793A\u5DE5\u4F5C\u8BC1\u4EF6\uFF09\uFF0C\u73B0\u4F9D\u6CD5\u5BF9\u4F60\u8FDB\u884C\u8BAF\u95EE\u3002\u4F60\u5E94\u5F53\u5982\u5B9E\u56DE\u7B54\u6211\u4EEC\u7684\u63D0\u95EE\uFF0C\u5BF9\u4E0E\u672C\u6848\u65E0\u5173\u7684\u95EE\u9898\uFF0C\u4F60\u6709\u62D2\u7EDD\u56DE\u7B54\u7684\u6743\u5229\u3002\u4F60\u5982\u5B9E\u4F9B\u8FF0\u81EA\u5DF1\u7684\u7F6A\u884C\uFF0C\u53EF\u4EE5\u4ECE\u8F7B\u6216\u8005\u51CF\u8F7B\u5904\u7F5A\u3002\u4F60\u542C\u6E05\u695A\u4E86\u5417\uFF1F`,
    "\u7B54\uFF1A\u542C\u6E05\u695A\u4E86\u3002",
    "\u95EE\uFF1A\u4F60\u662F\u5426\u7533\u8BF7\u4FA6\u67E5\u4EBA\u5458\u56DE\u907F\uFF1F",
    "\u7B54\uFF1A\u4E0D\u7533\u8BF7\u3002",
    "\u95EE\uFF1A\u4F60\u7684\u4E2A\u4EBA\u60C5\u51B5\uFF1F",
    `\u7B54\uFF1A${personLine(suspect, "\u6211\u53EB")}`,
    "\u95EE\uFF1A\u4F60\u77E5\u9053\u4F60\u4E3A\u4EC0\u4E48\u88AB\u5E26\u5230\u516C\u5B89\u673A\u5173\u5417\uFF1F",
    `\u7B54\uFF1A\u77E5\u9053\uFF0C\u662F\u56E0\u4E3A${profile.caseName}\u7684\u4E8B\u60C5\u3002`
  ];
  const body = dialogue(SUSPECT_QUESTIONS, profile, suspect, random);
  return {
    titleLines: ["\u8BAF\u95EE\u7B14\u5F55"],
    subtitle: `\uFF08\u7B2C${chineseNumeral(round)}\u6B21\uFF09`,
    header: [
      ...recordHeader(profile, random, date, random.pick(["\u6267\u6CD5\u529E\u6848\u4E2D\u5FC3\u7B2C\u4E00\u8BAF\u95EE\u5BA4", "\u6267\u6CD5\u529E\u6848\u4E2D\u5FC3\u7B2C\u4E8C\u8BAF\u95EE\u5BA4", "\u770B\u5B88\u6240\u7B2C\u4E09\u8BAF\u95EE\u5BA4"]), `\u72AF\u7F6A\u5ACC\u7591\u4EBA\u59D3\u540D\uFF1A${suspect.name}`),
      ...round === 1 ? opening : [`\u95EE\uFF1A\u4ECA\u5929\u7EE7\u7EED\u5C31${profile.caseName}\u5BF9\u4F60\u8FDB\u884C\u8BAF\u95EE\uFF0C\u4F60\u8981\u5982\u5B9E\u56DE\u7B54\uFF0C\u542C\u6E05\u695A\u4E86\u5417\uFF1F`, "\u7B54\uFF1A\u542C\u6E05\u695A\u4E86\u3002"]
    ],
    body,
    closing: [
      "\u95EE\uFF1A\u4F60\u8FD8\u6709\u4EC0\u4E48\u8981\u8865\u5145\u7684\u5417\uFF1F",
      "\u7B54\uFF1A\u6CA1\u6709\u4E86\u3002",
      "\u95EE\uFF1A\u4EE5\u4E0A\u7B14\u5F55\u4F60\u770B\u4E00\u4E0B\uFF0C\u4E0E\u4F60\u6240\u8BF4\u7684\u662F\u5426\u76F8\u7B26\uFF1F",
      "\u7B54\uFF1A\u4EE5\u4E0A\u7B14\u5F55\u6211\u770B\u8FC7\uFF0C\u548C\u6211\u8BF4\u7684\u76F8\u7B26\u3002",
      `\u88AB\u8BAF\u95EE\u4EBA\uFF1A${suspect.name}\uFF08\u7B7E\u540D\u3001\u637A\u5370\uFF09\u3000${chineseDate(date)}`,
      `\u4FA6\u67E5\u5458\uFF1A${profile.officers.join("\u3001")}\u3000\u3000\u8BB0\u5F55\u4EBA\uFF1A${profile.officers[1]}`
    ],
    footer: (page, pages) => `\u88AB\u8BAF\u95EE\u4EBA\u7B7E\u540D\uFF1A${suspect.name}\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u7B2C${page}\u9875\u3000\u5171${pages}\u9875`,
    radicals: random.chance(0.5)
  };
}
function inquiryRecord(profile, person2, role, random) {
  const date = daysAfter(profile.filedAt, random.int(0, 40));
  return {
    titleLines: ["\u8BE2\u95EE\u7B14\u5F55"],
    header: [
      ...recordHeader(profile, random, date, random.pick(["\u6267\u6CD5\u529E\u6848\u4E2D\u5FC3\u8BE2\u95EE\u5BA4", "\u5211\u4FA6\u5927\u961F\u529E\u516C\u5BA4", "\u6D3E\u51FA\u6240\u8BE2\u95EE\u5BA4"]), `\u88AB\u8BE2\u95EE\u4EBA\u59D3\u540D\uFF1A${person2.name}\uFF08${role}\uFF09`),
      `\u95EE\uFF1A\u6211\u4EEC\u662F${profile.policeUnit}\u7684\u6C11\u8B66\uFF08\u51FA\u793A\u5DE5\u4F5C\u8BC1\u4EF6\uFF09\uFF0C\u73B0\u4F9D\u6CD5\u5411\u4F60\u4E86\u89E3\u6709\u5173\u60C5\u51B5\uFF0C\u4F60\u5E94\u5F53\u5982\u5B9E\u63D0\u4F9B\u8BC1\u636E\u3001\u8BC1\u8A00\uFF0C\u6709\u610F\u4F5C\u4F2A\u8BC1\u6216\u8005\u9690\u533F\u7F6A\u8BC1\u8981\u8D1F\u6CD5\u5F8B\u8D23\u4EFB\uFF0C\u4F60\u542C\u6E05\u695A\u4E86\u5417\uFF1F`,
      "\u7B54\uFF1A\u542C\u6E05\u695A\u4E86\u3002",
      "\u95EE\uFF1A\u4F60\u7684\u4E2A\u4EBA\u60C5\u51B5\uFF1F",
      `\u7B54\uFF1A${personLine(person2, "\u6211\u53EB")}`
    ],
    body: dialogue(WITNESS_QUESTIONS, profile, person2, random),
    closing: [
      "\u95EE\uFF1A\u4EE5\u4E0A\u7B14\u5F55\u4F60\u770B\u4E00\u4E0B\uFF0C\u4E0E\u4F60\u6240\u8BF4\u7684\u662F\u5426\u76F8\u7B26\uFF1F",
      "\u7B54\uFF1A\u4EE5\u4E0A\u7B14\u5F55\u6211\u770B\u8FC7\uFF0C\u548C\u6211\u8BF4\u7684\u76F8\u7B26\u3002",
      `\u88AB\u8BE2\u95EE\u4EBA\uFF1A${person2.name}\uFF08\u7B7E\u540D\u3001\u637A\u5370\uFF09\u3000${chineseDate(date)}`
    ],
    footer: (page, pages) => `\u88AB\u8BE2\u95EE\u4EBA\u7B7E\u540D\uFF1A${person2.name}\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u7B2C${page}\u9875\u3000\u5171${pages}\u9875`,
    radicals: random.chance(0.5)
  };
}
function witnessStatement(profile, person2, random) {
  const date = daysAfter(profile.filedAt, random.int(1, 30));
  const suspect = random.pick(profile.suspects).name;
  return {
    titleLines: ["\u8BC1\u4EBA\u8BC1\u8A00"],
    header: [personLine(person2, "\u8BC1\u4EBA"), `\u5173\u4E8E${profile.caseName}\uFF0C\u6211\u5C06\u6211\u6240\u77E5\u9053\u7684\u60C5\u51B5\u8BF4\u660E\u5982\u4E0B\uFF1A`],
    body: endless(
      (i) => i % 2 === 0 ? `${chineseDate(daysAfter(profile.filedAt, -random.int(2, 90)))}\uFF0C\u6211\u5728${profile.region}${random.pick(PLACES)}\u89C1\u5230${suspect}\uFF0C\u4ED6\u8DDF\u6211\u63D0\u8D77${random.pick(["\u4E00\u7B14\u751F\u610F", "\u6709\u4EBA\u6B20\u4ED6\u94B1", "\u6700\u8FD1\u624B\u5934\u7D27", "\u627E\u4EBA\u5E2E\u5FD9\u529E\u4E8B"])}\uFF0C${random.pick(["\u8BF4\u8BDD\u65F6\u60C5\u7EEA\u6BD4\u8F83\u6FC0\u52A8", "\u8FD8\u7ED9\u6211\u770B\u4E86\u624B\u673A\u4E0A\u7684\u8F6C\u8D26\u622A\u56FE", "\u8BA9\u6211\u4E0D\u8981\u544A\u8BC9\u522B\u4EBA", "\u8BF4\u8FC7\u51E0\u5929\u5C31\u80FD\u62FF\u5230\u94B1"])}\u3002` : `\u540E\u6765\u6211\u542C${random.pick(profile.victims).name}\u8BF4\uFF0C${random.pick(["\u94B1\u4E00\u76F4\u6CA1\u6709\u8FD8\u56DE\u6765", "\u5BF9\u65B9\u5DF2\u7ECF\u8054\u7CFB\u4E0D\u4E0A\u4E86", "\u4ED6\u5DF2\u7ECF\u53BB\u6D3E\u51FA\u6240\u62A5\u4E86\u6848", "\u4E8B\u60C5\u95F9\u5F97\u5F88\u5927"])}\uFF0C\u6211\u624D\u77E5\u9053${suspect}\u53EF\u80FD\u6D89\u5ACC${profile.crime}\u3002`
    ),
    closing: ["\u4EE5\u4E0A\u8BC1\u8A00\u662F\u6211\u4EB2\u81EA\u4E66\u5199\uFF08\u53E3\u8FF0\uFF09\uFF0C\u5185\u5BB9\u5C5E\u5B9E\uFF0C\u5982\u6709\u865A\u5047\uFF0C\u613F\u610F\u627F\u62C5\u6CD5\u5F8B\u8D23\u4EFB\u3002", `\u8BC1\u4EBA\uFF1A${person2.name}`, chineseDate(date)],
    radicals: random.chance(0.6)
  };
}
function prosecutionOpinion(profile, random, title2) {
  const arrest = title2 === "\u63D0\u8BF7\u6279\u51C6\u902E\u6355\u4E66";
  const dated = arrest ? daysAfter(profile.arrestedAt, -random.int(3, 6)) : profile.referredAt;
  const names = profile.suspects.map((s) => s.name).join("\u3001");
  return {
    titleLines: [profile.policeUnit, title2],
    subtitle: profile.caseNumber.replace("\u8BC9\u5B57", arrest ? "\u63D0\u6355\u5B57" : "\u8BC9\u5B57"),
    header: [
      ...profile.suspects.map((s, i) => `${profile.suspects.length > 1 ? `\u72AF\u7F6A\u5ACC\u7591\u4EBA${chineseNumeral(i + 1)}\uFF1A` : "\u72AF\u7F6A\u5ACC\u7591\u4EBA"}${personLine(s, "")}`),
      `\u8FDD\u6CD5\u72AF\u7F6A\u7ECF\u5386\uFF1A${random.chance(0.7) ? "\u65E0\u3002" : "\u66FE\u56E0\u8FDD\u6CD5\u884C\u4E3A\u88AB\u884C\u653F\u5904\u7F5A\u3002"}`,
      `\u72AF\u7F6A\u5ACC\u7591\u4EBA${names}\u6D89\u5ACC${profile.crime}\u4E00\u6848\uFF0C\u7531\u88AB\u5BB3\u4EBA${profile.victims[0]?.name ?? ""}\u4E8E${chineseDate(daysAfter(profile.filedAt, -random.int(1, 10)))}\u62A5\u6848\u81F3\u6211\u5C40\u3002\u6211\u5C40\u7ECF\u5BA1\u67E5\uFF0C\u4E8E${chineseDate(profile.filedAt)}\u7ACB\u6848\u4FA6\u67E5\u3002\u72AF\u7F6A\u5ACC\u7591\u4EBA${names}\u4E8E${chineseDate(profile.detainedAt)}\u88AB\u6211\u5C40\u5211\u4E8B\u62D8\u7559${arrest ? "" : `\uFF0C\u7ECF${profile.unitName}\u6279\u51C6\uFF0C\u4E8E${chineseDate(profile.arrestedAt)}\u88AB\u6267\u884C\u902E\u6355`}\u3002`,
      `\u672C\u6848\u5373${profile.caseName}\uFF0C\u73B0\u5DF2\u4FA6\u67E5\u7EC8\u7ED3\u3002`
    ],
    body: endless((i) => incident(profile, random, i)),
    closing: [
      `\u8BA4\u5B9A\u4E0A\u8FF0\u4E8B\u5B9E\u7684\u8BC1\u636E\u5982\u4E0B\uFF1A\u88AB\u5BB3\u4EBA${profile.victims.map((v) => v.name).join("\u3001")}\u7684\u9648\u8FF0\uFF1B\u8BC1\u4EBA${profile.witnesses.map((w) => w.name).join("\u3001")}\u7684\u8BC1\u8A00\uFF1B\u94F6\u884C\u8D26\u6237\u4EA4\u6613\u660E\u7EC6\u3001\u8F6C\u8D26\u8BB0\u5F55\u7B49\u4E66\u8BC1\uFF1B\u9274\u5B9A\u610F\u89C1\uFF1B\u73B0\u573A\u52D8\u9A8C\u68C0\u67E5\u7B14\u5F55\uFF1B\u72AF\u7F6A\u5ACC\u7591\u4EBA${names}\u7684\u4F9B\u8FF0\u548C\u8FA9\u89E3\u7B49\u3002`,
      `\u4E0A\u8FF0\u72AF\u7F6A\u4E8B\u5B9E\u6E05\u695A\uFF0C\u8BC1\u636E\u786E\u5B9E\u3001\u5145\u5206\uFF0C\u8DB3\u4EE5\u8BA4\u5B9A\u3002\u72AF\u7F6A\u5ACC\u7591\u4EBA${names}\u7684\u884C\u4E3A\u5DF2\u89E6\u72AF\u300A\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD\u5211\u6CD5\u300B\u4E4B\u89C4\u5B9A\uFF0C\u6D89\u5ACC${profile.crime}\u7F6A\u3002\u4F9D\u7167\u300A\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD\u5211\u4E8B\u8BC9\u8BBC\u6CD5\u300B\u7B2C${arrest ? "\u516B\u5341\u4E03" : "\u4E00\u767E\u516D\u5341\u4E8C"}\u6761\u4E4B\u89C4\u5B9A\uFF0C\u7279\u63D0\u8BF7${arrest ? "\u6279\u51C6\u902E\u6355" : "\u5BA1\u67E5\u8D77\u8BC9"}\u3002`,
      "\u6B64\u81F4",
      profile.unitName,
      `\u5C40\u957F\uFF08\u7B7E\u540D\uFF09\u3000${profile.policeUnit}\uFF08\u5370\uFF09`,
      chineseDate(dated)
    ]
  };
}
function filingDecision(profile, random) {
  return {
    titleLines: [profile.policeUnit, "\u7ACB\u6848\u51B3\u5B9A\u4E66"],
    subtitle: profile.caseNumber.replace("\u8BC9\u5B57", "\u7ACB\u5B57"),
    header: [
      `\u6839\u636E\u300A\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD\u5211\u4E8B\u8BC9\u8BBC\u6CD5\u300B\u7B2C\u4E00\u767E\u96F6\u4E5D\u6761\u4E4B\u89C4\u5B9A\uFF0C\u51B3\u5B9A\u5BF9${profile.caseName}\u7ACB\u6848\u4FA6\u67E5\u3002`
    ],
    closing: [`${profile.policeUnit}\uFF08\u5370\uFF09`, chineseDate(profile.filedAt), `\u627F\u529E\u4EBA\uFF1A${profile.officers.join("\u3001")}\u3000\u3000${random.pick(["\u5211\u4FA6\u5927\u961F", "\u7ECF\u4FA6\u5927\u961F", "\u6CBB\u5B89\u5927\u961F"])}`]
  };
}
function arrivalAccount(profile, suspect, random) {
  return {
    titleLines: ["\u5230\u6848\u7ECF\u8FC7"],
    header: [
      `${chineseDate(daysAfter(profile.detainedAt, -1))}\uFF0C\u6211\u5C40\u6C11\u8B66\u5728\u5DE5\u4F5C\u4E2D\u53D1\u73B0${profile.caseName}\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect.name}\u7684\u6D3B\u52A8\u8F68\u8FF9\uFF0C\u7ECF\u7814\u5224\uFF0C\u4E8E${chineseDate(profile.detainedAt)}${clock(random, 9, 20)}\u5728${profile.region}${random.pick(PLACES)}\u5C06\u5176\u6293\u83B7\uFF0C${suspect.name}\u5230\u6848\u540E${random.chance(0.7) ? "\u5982\u5B9E\u4F9B\u8FF0\u4E86\u81EA\u5DF1\u7684\u72AF\u7F6A\u4E8B\u5B9E" : "\u5BF9\u5176\u884C\u4E3A\u4F5C\u4E86\u8FA9\u89E3"}\u3002`,
      "\u7279\u6B64\u8BF4\u660E\u3002"
    ],
    closing: [`\u529E\u6848\u6C11\u8B66\uFF1A${profile.officers.join("\u3001")}`, `${profile.policeUnit}\u5211\u4FA6\u5927\u961F\uFF08\u5370\uFF09`, chineseDate(profile.detainedAt)]
  };
}
function identificationRecord(profile, person2, random) {
  const suspect = random.pick(profile.suspects).name;
  const date = daysAfter(profile.detainedAt, random.int(1, 10));
  return {
    titleLines: ["\u8FA8\u8BA4\u7B14\u5F55"],
    header: [
      ...recordHeader(profile, random, date, "\u6267\u6CD5\u529E\u6848\u4E2D\u5FC3\u8FA8\u8BA4\u5BA4", `\u8FA8\u8BA4\u4EBA\uFF1A${person2.name}`),
      `\u89C1\u8BC1\u4EBA\uFF1A${random.pick(profile.witnesses).name}`,
      `\u8FA8\u8BA4\u76EE\u7684\uFF1A\u8BA9\u8FA8\u8BA4\u4EBA${person2.name}\u5BF9\u4E0E\u672C\u6848\u6709\u5173\u7684\u72AF\u7F6A\u5ACC\u7591\u4EBA\u8FDB\u884C\u8FA8\u8BA4\u3002`
    ],
    body: endless(
      (i) => i === 0 ? `\u8FA8\u8BA4\u8FC7\u7A0B\uFF1A\u4FA6\u67E5\u4EBA\u5458\u5C06\u5305\u62EC\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u5728\u5185\u7684\u5341\u4E8C\u5F20\u4E0D\u540C\u7537\u6027\u7684\u6B63\u9762\u514D\u51A0\u7167\u7247\u6DF7\u6742\u6392\u5217\uFF0C\u7F16\u53F7\u4E3A1\u81F312\u53F7\uFF0C\u4EA4\u7531\u8FA8\u8BA4\u4EBA${person2.name}\u8FDB\u884C\u8FA8\u8BA4\u3002` : `\u8FA8\u8BA4\u4EBA${person2.name}\u7ECF\u4ED4\u7EC6\u8FA8\u8BA4\uFF0C\u6307\u8BA4\u51FA${random.int(1, 12)}\u53F7\u7167\u7247\u4E0A\u7684\u7537\u5B50\u5C31\u662F${random.pick(["\u6536\u53D6\u5176\u94B1\u6B3E\u7684\u4EBA", "\u6848\u53D1\u5F53\u5929\u5728\u573A\u7684\u4EBA", "\u4E0E\u5176\u8054\u7CFB\u7684\u4EBA"])}\uFF0C\u7ECF\u67E5\uFF0C\u8BE5\u7537\u5B50\u5373\u4E3A\u72AF\u7F6A\u5ACC\u7591\u4EBA${suspect}\u3002`
    ),
    closing: ["\u8FA8\u8BA4\u7ED3\u679C\uFF1A\u8FA8\u8BA4\u4EBA\u8FA8\u8BA4\u51FA\u72AF\u7F6A\u5ACC\u7591\u4EBA\u3002", `\u8FA8\u8BA4\u4EBA\uFF1A${person2.name}\u3000\u89C1\u8BC1\u4EBA\uFF1A\uFF08\u7B7E\u540D\uFF09\u3000\u4FA6\u67E5\u5458\uFF1A${profile.officers.join("\u3001")}`],
    footer: (page, pages) => `\u7B2C${page}\u9875\u3000\u5171${pages}\u9875`
  };
}
function expertOpinion(profile, random) {
  const kind = profile.crime === "\u6545\u610F\u4F24\u5BB3" ? { title: "\u6CD5\u533B\u5B66\u4EBA\u4F53\u635F\u4F24\u7A0B\u5EA6\u9274\u5B9A\u610F\u89C1\u4E66", conclusion: "\u88AB\u9274\u5B9A\u4EBA\u7684\u635F\u4F24\u7A0B\u5EA6\u5C5E\u8F7B\u4F24\u4E8C\u7EA7\u3002" } : profile.crime === "\u5371\u9669\u9A7E\u9A76" || profile.crime === "\u4EA4\u901A\u8087\u4E8B" ? { title: "\u8840\u6DB2\u9152\u7CBE\u542B\u91CF\u68C0\u9A8C\u9274\u5B9A\u610F\u89C1\u4E66", conclusion: `\u9001\u68C0\u8840\u6837\u4E2D\u68C0\u51FA\u4E59\u9187\u6210\u5206\uFF0C\u542B\u91CF\u4E3A${random.int(85, 240)}mg/100ml\u3002` } : profile.crime === "\u8D29\u5356\u6BD2\u54C1" ? { title: "\u6BD2\u54C1\u68C0\u9A8C\u9274\u5B9A\u610F\u89C1\u4E66", conclusion: "\u9001\u68C0\u767D\u8272\u6676\u4F53\u4E2D\u68C0\u51FA\u7532\u57FA\u82EF\u4E19\u80FA\u6210\u5206\u3002" } : { title: "\u7535\u5B50\u6570\u636E\u53F8\u6CD5\u9274\u5B9A\u610F\u89C1\u4E66", conclusion: `\u4ECE\u68C0\u6750\u624B\u673A\u4E2D\u63D0\u53D6\u5230\u4E0E\u672C\u6848\u6709\u5173\u7684\u804A\u5929\u8BB0\u5F55${random.int(20, 400)}\u6761\u3001\u8F6C\u8D26\u8BB0\u5F55${random.int(5, 90)}\u6761\u3002` };
  const victim = random.pick(profile.victims).name;
  const date = daysAfter(profile.filedAt, random.int(5, 30));
  return {
    titleLines: [`${profile.region}\u516C\u5B89\u53F8\u6CD5\u9274\u5B9A\u4E2D\u5FC3`, kind.title],
    subtitle: `${profile.region.charAt(0)}\u516C\u9274\uFF08${random.pick(["\u6CD5\u533B", "\u7406\u5316", "\u7535\u5B50"])}\uFF09\u5B57\u3014${date.getUTCFullYear()}\u3015${random.int(100, 999)}\u53F7`,
    header: [
      "\u4E00\u3001\u57FA\u672C\u60C5\u51B5",
      `\u59D4\u6258\u5355\u4F4D\uFF1A${profile.policeUnit}`,
      `\u59D4\u6258\u4E8B\u9879\uFF1A\u5BF9${profile.caseName}\u76F8\u5173\u68C0\u6750\u8FDB\u884C\u9274\u5B9A`,
      `\u53D7\u7406\u65E5\u671F\uFF1A${chineseDate(date)}`,
      `\u9274\u5B9A\u5BF9\u8C61\uFF1A${victim}\u53CA\u76F8\u5173\u68C0\u6750`,
      "\u4E8C\u3001\u68C0\u6848\u6458\u8981",
      `\u636E\u59D4\u6258\u4E66\u8BB0\u8F7D\uFF1A${incident(profile, random, 1).replace(/^(另查明，|同时查明，|经进一步侦查，)/, "")}`,
      "\u4E09\u3001\u68C0\u9A8C\u8FC7\u7A0B"
    ],
    body: endless(
      (i) => `${i + 1}. ${random.pick(["\u6309\u7167\u76F8\u5173\u6280\u672F\u89C4\u8303", "\u4F9D\u636E\u56FD\u5BB6\u6807\u51C6", "\u7ECF\u5BF9\u68C0\u6750\u8FDB\u884C\u5916\u89C2\u68C0\u67E5"])}\uFF0C${random.pick(["\u5BF9\u68C0\u6750\u8FDB\u884C\u4E86\u62CD\u7167\u56FA\u5B9A\u548C\u54C8\u5E0C\u503C\u6821\u9A8C", "\u91C7\u7528\u6C14\u76F8\u8272\u8C31\u6CD5\u8FDB\u884C\u5B9A\u6027\u5B9A\u91CF\u5206\u6790", "\u5BF9\u635F\u4F24\u90E8\u4F4D\u8FDB\u884C\u4E86\u4F53\u8868\u68C0\u67E5\u5E76\u6D4B\u91CF", "\u5BF9\u63D0\u53D6\u6570\u636E\u8FDB\u884C\u4E86\u6062\u590D\u548C\u5206\u6790"])}\uFF0C${random.pick(["\u68C0\u9A8C\u7ED3\u679C\u8BB0\u5F55\u5728\u6848", "\u7ED3\u679C\u89C1\u9644\u4EF6", "\u68C0\u9A8C\u8FC7\u7A0B\u7B26\u5408\u89C4\u8303"])}\u3002`
    ),
    closing: ["\u56DB\u3001\u5206\u6790\u8BF4\u660E", "\u6839\u636E\u68C0\u9A8C\u6240\u89C1\uFF0C\u7ED3\u5408\u9001\u68C0\u6750\u6599\u7EFC\u5408\u5206\u6790\uFF0C\u8BA4\u4E3A\u68C0\u9A8C\u7ED3\u679C\u53EF\u9760\u3002", "\u4E94\u3001\u9274\u5B9A\u610F\u89C1", kind.conclusion, `\u9274\u5B9A\u4EBA\uFF1A${random.pick(profile.officers)}\uFF08\u4E3B\u68C0\u6CD5\u533B\u5E08\uFF09\u3000${profile.officers[0]}\uFF08\u526F\u4E3B\u4EFB\u6CD5\u533B\u5E08\uFF09`, chineseDate(daysAfter(date, random.int(3, 20)))]
  };
}
function sceneInspection(profile, random) {
  const date = daysAfter(profile.filedAt, random.int(0, 3));
  const place = `${profile.region}${random.pick(PLACES)}`;
  return {
    titleLines: ["\u73B0\u573A\u52D8\u9A8C\u68C0\u67E5\u7B14\u5F55"],
    header: [
      `\u73B0\u573A\u52D8\u9A8C\u68C0\u67E5\u65F6\u95F4\uFF1A${chineseDate(date)}${clock(random, 8, 12)}\u81F3${clock(random, 13, 18)}`,
      `\u73B0\u573A\u5730\u70B9\uFF1A${place}`,
      `\u73B0\u573A\u4FDD\u62A4\u60C5\u51B5\uFF1A${random.pick(["\u73B0\u573A\u7531\u62A5\u6848\u4EBA\u4FDD\u62A4\uFF0C\u4FDD\u62A4\u826F\u597D", "\u6C11\u8B66\u5230\u8FBE\u540E\u8BBE\u7F6E\u8B66\u6212\u5E26\uFF0C\u4FDD\u62A4\u826F\u597D", "\u73B0\u573A\u5DF2\u88AB\u90E8\u5206\u53D8\u52A8"])}\u3002`,
      `\u5929\u6C14\uFF1A${random.pick(["\u6674", "\u9634", "\u5C0F\u96E8", "\u591A\u4E91"])}\u3000\u6E29\u5EA6\uFF1A${random.int(3, 36)}\u2103`,
      `\u52D8\u9A8C\u68C0\u67E5\u4EBA\u5458\uFF1A${profile.officers.join("\u3001")}\u3000\u89C1\u8BC1\u4EBA\uFF1A${random.pick(profile.witnesses).name}`,
      "\u73B0\u573A\u52D8\u9A8C\u68C0\u67E5\u60C5\u51B5\uFF1A"
    ],
    body: endless(
      (i) => `${i + 1}. \u73B0\u573A\u4F4D\u4E8E${place}${random.pick(["\u4E1C\u4FA7", "\u897F\u4FA7", "\u5357\u4FA7", "\u5317\u4FA7"])}\uFF0C${random.pick(["\u5730\u9762\u4E3A\u6C34\u6CE5\u5730\u9762", "\u5BA4\u5185\u94FA\u8BBE\u74F7\u7816", "\u5468\u8FB9\u8BBE\u6709\u76D1\u63A7\u63A2\u5934\u4E24\u5904", "\u95E8\u7A97\u5B8C\u597D\uFF0C\u65E0\u64AC\u538B\u75D5\u8FF9"])}\uFF0C\u5728${random.pick(["\u8336\u51E0\u4E0A", "\u95E8\u53E3\u5730\u9762", "\u67DC\u53F0\u62BD\u5C49\u5185", "\u8F66\u8F86\u526F\u9A7E\u9A76\u5EA7\u4F4D"])}\u53D1\u73B0${random.pick(["\u624B\u673A\u4E00\u90E8", "\u94F6\u884C\u5361\u4E24\u5F20", "\u624B\u5199\u4FBF\u6761\u4E00\u5F20", "\u70DF\u5934\u82E5\u5E72"])}\uFF0C\u5DF2\u62CD\u7167\u5E76\u63D0\u53D6\u3002`
    ),
    closing: ["\u73B0\u573A\u62CD\u7167\uFF1A\u73B0\u573A\u65B9\u4F4D\u3001\u6982\u8C8C\u3001\u91CD\u70B9\u90E8\u4F4D\u53CA\u7EC6\u76EE\u7167\u7247\u9644\u540E\u3002", `\u52D8\u9A8C\u68C0\u67E5\u4EBA\u5458\uFF1A${profile.officers.join("\u3001")}\u3000\u8BB0\u5F55\u4EBA\uFF1A${profile.officers[1]}\u3000\u89C1\u8BC1\u4EBA\uFF1A\uFF08\u7B7E\u540D\uFF09`],
    footer: (page, pages) => `\u7B2C${page}\u9875\u3000\u5171${pages}\u9875`
  };
}

// src/mock-portal/dossier/document-catalog.ts
var allText = (count) => Array(count).fill("text");
var allScan = (count) => Array(count).fill("scan");
var textThenScans = (share) => (count) => {
  const scans = count < 2 ? 0 : Math.max(1, Math.floor(count * share));
  return [...allText(count - scans), ...allScan(scans)];
};
function scanned(title2, minPages, maxPages, scanLayout) {
  return { title: title2, minPages, maxPages, scanLayout, pageKinds: allScan };
}
function written(title2, minPages, maxPages, text2) {
  return { title: title2, minPages, maxPages, scanLayout: "letter", pageKinds: allText, text: text2 };
}
var EVIDENCE_PAPERS = ["\u94F6\u884C\u8D26\u6237\u4EA4\u6613\u660E\u7EC6", "\u5FAE\u4FE1\u804A\u5929\u8BB0\u5F55\u622A\u56FE", "\u8F6C\u8D26\u7535\u5B50\u56DE\u5355", "\u901A\u8BDD\u8BE6\u5355", "\u76D1\u63A7\u89C6\u9891\u622A\u56FE", "\u6536\u6761\u53CA\u501F\u6761\u590D\u5370\u4EF6", "\u8425\u4E1A\u6267\u7167\u590D\u5370\u4EF6"];
function* blueprints(profile) {
  const { suspects, victims, witnesses } = profile;
  yield written("\u8D77\u8BC9\u610F\u89C1\u4E66", 3, 6, (r) => prosecutionOpinion(profile, r, "\u8D77\u8BC9\u610F\u89C1\u4E66"));
  yield scanned("\u53D7\u6848\u767B\u8BB0\u8868", 1, 1, "form");
  yield written("\u7ACB\u6848\u51B3\u5B9A\u4E66", 1, 1, (r) => filingDecision(profile, r));
  for (const s of suspects) yield written(`\u5230\u6848\u7ECF\u8FC7\uFF08${s.name}\uFF09`, 1, 1, (r) => arrivalAccount(profile, s, r));
  for (const s of suspects) yield scanned(`\u62D8\u7559\u8BC1\uFF08${s.name}\uFF09`, 1, 1, "form");
  yield written("\u63D0\u8BF7\u6279\u51C6\u902E\u6355\u4E66", 2, 4, (r) => prosecutionOpinion(profile, r, "\u63D0\u8BF7\u6279\u51C6\u902E\u6355\u4E66"));
  yield scanned("\u6279\u51C6\u902E\u6355\u51B3\u5B9A\u4E66", 1, 1, "letter");
  for (const s of suspects) yield scanned(`\u902E\u6355\u8BC1\uFF08${s.name}\uFF09`, 1, 1, "form");
  for (const s of suspects) yield scanned(`\u5E38\u4F4F\u4EBA\u53E3\u4FE1\u606F\u8868\uFF08${s.name}\uFF09`, 1, 1, "form");
  for (let round = 1; ; round++) {
    for (const s of suspects) {
      yield written(`\u8BAF\u95EE\u7B14\u5F55\uFF08${s.name}\u7B2C${chineseNumeral(round)}\u6B21\uFF09`, 3, 9, (r) => interrogationRecord(profile, s, round, r));
    }
    if (round <= 2) for (const v of victims) yield written(`\u8BE2\u95EE\u7B14\u5F55\uFF08\u88AB\u5BB3\u4EBA${v.name}${round > 1 ? "\u7B2C\u4E8C\u6B21" : ""}\uFF09`, 2, 7, (r) => inquiryRecord(profile, v, "\u88AB\u5BB3\u4EBA", r));
    if (round === 1) {
      for (const w of witnesses) yield written(`\u8BE2\u95EE\u7B14\u5F55\uFF08\u8BC1\u4EBA${w.name}\uFF09`, 2, 6, (r) => inquiryRecord(profile, w, "\u8BC1\u4EBA", r));
      for (const w of witnesses.slice(0, 2)) yield written(`\u8BC1\u4EBA\u8BC1\u8A00\uFF08${w.name}\uFF09`, 1, 3, (r) => witnessStatement(profile, w, r));
      for (const v of victims) yield written(`\u8FA8\u8BA4\u7B14\u5F55\uFF08${v.name}\uFF09`, 1, 2, (r) => identificationRecord(profile, v, r));
    }
    if (round % 2 === 1) {
      yield { title: round === 1 ? "\u9274\u5B9A\u610F\u89C1" : `\u9274\u5B9A\u610F\u89C1\uFF08\u8865\u5145${chineseNumeral((round - 1) / 2)}\uFF09`, minPages: 3, maxPages: 6, scanLayout: "letter", pageKinds: textThenScans(0.2), text: (r) => expertOpinion(profile, r) };
    }
    if (round % 3 === 1) {
      yield { title: round === 1 ? "\u73B0\u573A\u52D8\u9A8C\u68C0\u67E5\u7B14\u5F55" : `\u73B0\u573A\u52D8\u9A8C\u68C0\u67E5\u7B14\u5F55\uFF08\u7B2C${chineseNumeral((round + 2) / 3)}\u6B21\uFF09`, minPages: 3, maxPages: 8, scanLayout: "photo", pageKinds: textThenScans(0.4), text: (r) => sceneInspection(profile, r) };
    }
    yield scanned(round === 1 ? "\u6263\u62BC\u6E05\u5355" : `\u6263\u62BC\u6E05\u5355\uFF08${chineseNumeral(round)}\uFF09`, 1, 3, "table");
    const paper2 = EVIDENCE_PAPERS[(round - 1) % EVIDENCE_PAPERS.length] ?? "\u4E66\u8BC1";
    yield scanned(`\u4E66\u8BC1\uFF1A${paper2}${round > EVIDENCE_PAPERS.length ? `\uFF08${chineseNumeral(Math.ceil(round / EVIDENCE_PAPERS.length))}\uFF09` : ""}`, 2, 12, paper2 === "\u94F6\u884C\u8D26\u6237\u4EA4\u6613\u660E\u7EC6" || paper2 === "\u901A\u8BDD\u8BE6\u5355" ? "statement" : "table");
  }
}
var DocumentCatalog = class {
  seen = [];
  source;
  constructor(profile) {
    this.source = blueprints(profile);
  }
  at(index) {
    while (this.seen.length <= index) {
      const next = this.source.next();
      if (next.done) throw new Error("document sequence ended");
      this.seen.push(next.value);
    }
    return this.seen[index];
  }
};

// src/mock-portal/dossier/dossier-plan.ts
var VOLUME_MAX_PAGES = 200;
var TOC_ROWS_PER_PAGE = 20;
function fillVolume(catalog, random, start, budget) {
  const documents = [];
  let remaining = budget;
  for (let index = start; remaining > 0; index++) {
    const blueprint = catalog.at(index);
    const wanted = random.fork(`pages-${index}`).int(blueprint.minPages, blueprint.maxPages);
    const pages = Math.min(wanted, remaining);
    documents.push({ index, blueprint, pageKinds: blueprint.pageKinds(pages), firstPage: budget - remaining + 1 });
    remaining -= pages;
  }
  return documents;
}
function planDossier(totalPages, catalog, random) {
  const volumeCount = Math.ceil(totalPages / VOLUME_MAX_PAGES);
  const volumes = [];
  let next = 0;
  for (let v = 0; v < volumeCount; v++) {
    const pages = Math.floor(totalPages / volumeCount) + (v < totalPages % volumeCount ? 1 : 0);
    let tocPages = 1;
    let documents = fillVolume(catalog, random, next, pages - 1 - tocPages);
    for (let needed = Math.ceil(documents.length / TOC_ROWS_PER_PAGE); needed > tocPages; needed = Math.ceil(documents.length / TOC_ROWS_PER_PAGE)) {
      tocPages = needed;
      documents = fillVolume(catalog, random, next, pages - 1 - tocPages);
    }
    next += documents.length;
    volumes.push({
      number: v + 1,
      name: `\u7B2C${chineseNumeral(v + 1)}\u5377`,
      frontPages: 1 + tocPages,
      tocPages,
      documents,
      documentPages: pages - 1 - tocPages
    });
  }
  return volumes;
}

// src/mock-portal/dossier/dossier-spec.ts
var MIN_DOSSIER_PAGES = 3;
var MAX_DOSSIER_PAGES = 2e4;
function checkDossierSpec(spec) {
  if (!Number.isInteger(spec.pages) || spec.pages < MIN_DOSSIER_PAGES || spec.pages > MAX_DOSSIER_PAGES) {
    throw new RangeError(`pages must be a whole number from ${MIN_DOSSIER_PAGES} to ${MAX_DOSSIER_PAGES}, not ${spec.pages}`);
  }
  if (spec.format !== "zip" && spec.format !== "7z") throw new RangeError(`format must be zip or 7z, not ${String(spec.format)}`);
  if (spec.gbkNames && spec.format !== "zip") throw new RangeError("gbkNames applies to zip archives only");
  if (spec.caseName.trim() === "") throw new RangeError("caseName is empty");
  if (spec.unitName.trim() === "") throw new RangeError("unitName is empty");
  if (spec.openPassword === "" || Buffer.byteLength(spec.openPassword, "utf8") > 127) {
    throw new RangeError("openPassword must be 1\u2013127 bytes");
  }
  if (spec.archivePassword !== void 0 && spec.archivePassword !== null) {
    if (spec.archivePassword === "") throw new RangeError("archivePassword is empty (use null for none)");
    if (!/^[\x21-\x7e]{1,64}$/.test(spec.archivePassword)) {
      throw new RangeError("archivePassword must be 1\u201364 printable ASCII characters");
    }
  }
}

// src/mock-portal/dossier/render-pdf.ts
import { createHmac as createHmac2 } from "node:crypto";
import { PDFDocument, rgb } from "@cantoo/pdf-lib";

// src/mock-portal/dossier/dossier-font.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fontkit from "@pdf-lib/fontkit";
var DOSSIER_FONT_FILE = "dossier-sans-sc.ttf";
var MISSING_GLYPH = "\u25A1";
function fontCandidates() {
  const candidates = [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 7; depth++) {
    candidates.push(join(dir, "resources", "fonts", DOSSIER_FONT_FILE));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const resourcesPath = process.resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, "fonts", DOSSIER_FONT_FILE));
  return candidates;
}
var cachedBytes;
function dossierFontBytes() {
  if (cachedBytes) return cachedBytes;
  const candidates = fontCandidates();
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`dossier font ${DOSSIER_FONT_FILE} not found (looked in ${candidates.join(", ")})`);
  cachedBytes = readFileSync(found);
  return cachedBytes;
}
var cachedMetrics;
function dossierFontMetrics() {
  if (cachedMetrics) return cachedMetrics;
  const font = fontkit.create(dossierFontBytes());
  const available = new Set(font.characterSet);
  const widths = /* @__PURE__ */ new Map();
  const advance2 = (codePoint) => {
    let value = widths.get(codePoint);
    if (value === void 0) {
      value = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      widths.set(codePoint, value);
    }
    return value;
  };
  cachedMetrics = {
    has: (codePoint) => available.has(codePoint),
    width(text2) {
      let total = 0;
      for (const char of text2) total += advance2(char.codePointAt(0) ?? 9633);
      return total;
    }
  };
  return cachedMetrics;
}
function drawableText(text2) {
  const metrics = dossierFontMetrics();
  let out = "";
  for (const char of text2.replace(/[\t\r\n]+/g, " ")) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += codePoint < 32 ? "" : metrics.has(codePoint) ? char : MISSING_GLYPH;
  }
  return out;
}
var dossierFontkit = {
  create(buffer, postscriptName) {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return {
          includeGlyph: (glyph) => subset.includeGlyph(glyph),
          encodeStream: () => subset.encodeStream()
        };
      }
    });
  }
};

// src/mock-portal/dossier/pdf-encryption.ts
import { createCipheriv, createHash, createHmac } from "node:crypto";
import { PDFDict, PDFHexString, PDFName, PDFNumber } from "@cantoo/pdf-lib";
var ZERO_IV = Buffer.alloc(16);
function r6Hash(password, salt, userKey) {
  let k = createHash("sha256").update(Buffer.concat([password, salt, userKey])).digest();
  let e = Buffer.alloc(1);
  for (let round = 0; round < 64 || e[e.length - 1] > round - 32; round++) {
    const block = Buffer.concat([password, k, userKey]);
    const k1 = Buffer.concat(Array(64).fill(block));
    const cipher = createCipheriv("aes-128-cbc", k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i];
    k = createHash(["sha256", "sha384", "sha512"][sum % 3]).update(e).digest();
  }
  return k.subarray(0, 32);
}
function aes256NoPadding(key, iv, data) {
  const cipher = iv ? createCipheriv("aes-256-cbc", key, iv) : createCipheriv("aes-256-ecb", key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
function passwordBytes(password) {
  return Buffer.from(password, "utf8").subarray(0, 127);
}
function encryptDeterministically(doc, options) {
  doc.encrypt({
    userPassword: options.userPassword,
    ownerPassword: options.ownerPassword,
    permissions: { printing: "highResolution", copying: true, contentAccessibility: true }
  });
  const derive = (label, length) => createHmac("sha256", options.keySeed).update(label).digest().subarray(0, length);
  const fileKey = derive("file-key", 32);
  const user = passwordBytes(options.userPassword);
  const owner = passwordBytes(options.ownerPassword);
  const userSalts = Buffer.concat([derive("u-validation-salt", 8), derive("u-key-salt", 8)]);
  const u = Buffer.concat([r6Hash(user, userSalts.subarray(0, 8), Buffer.alloc(0)), userSalts]);
  const ue = aes256NoPadding(r6Hash(user, userSalts.subarray(8, 16), Buffer.alloc(0)), ZERO_IV, fileKey);
  const ownerSalts = Buffer.concat([derive("o-validation-salt", 8), derive("o-key-salt", 8)]);
  const o = Buffer.concat([r6Hash(owner, ownerSalts.subarray(0, 8), u), ownerSalts]);
  const oe = aes256NoPadding(r6Hash(owner, ownerSalts.subarray(8, 16), u), ZERO_IV, fileKey);
  const context = doc.context;
  const encryptDict = context.lookup(context.trailerInfo.Encrypt, PDFDict);
  const p = encryptDict.lookup(PDFName.of("P"), PDFNumber).asNumber();
  const permsPlain = Buffer.alloc(16);
  permsPlain.writeInt32LE(p, 0);
  permsPlain.writeUInt32LE(4294967295, 4);
  permsPlain.write("Tadb", 8, "latin1");
  derive("perms-tail", 4).copy(permsPlain, 12);
  const perms = aes256NoPadding(fileKey, null, permsPlain);
  const hex = (bytes) => PDFHexString.of(bytes.toString("hex"));
  encryptDict.set(PDFName.of("U"), hex(u));
  encryptDict.set(PDFName.of("UE"), hex(ue));
  encryptDict.set(PDFName.of("O"), hex(o));
  encryptDict.set(PDFName.of("OE"), hex(oe));
  encryptDict.set(PDFName.of("Perms"), hex(perms));
  const id = hex(derive("file-id", 16));
  context.trailerInfo.ID = context.obj([id, id]);
  const ivKey = derive("iv-key", 32);
  const security = {
    getEncryptFn(objectNumber, generation) {
      let calls = 0;
      return (data) => {
        const iv = createHmac("sha256", ivKey).update(`${objectNumber}.${generation}.${calls++}`).digest().subarray(0, 16);
        const cipher = createCipheriv("aes-256-cbc", fileKey, iv);
        return Buffer.concat([iv, cipher.update(data), cipher.final()]);
      };
    }
  };
  context.security = security;
}

// src/mock-portal/dossier/scan-image.ts
import jpeg from "jpeg-js";
var SCAN_WIDTH = 680;
var SCAN_HEIGHT = 962;
var QUALITY = 60;
var INK = [48, 46, 52];
var SEAL = [196, 38, 44];
var pixels;
var Canvas = class {
  constructor(data, width, height) {
    this.data = data;
    this.width = width;
    this.height = height;
  }
  data;
  width;
  height;
  blend(x, y, [r, g, b], alpha) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    d[i] = d[i] * (1 - alpha) + r * d[i] / 255 * alpha;
    d[i + 1] = d[i + 1] * (1 - alpha) + g * d[i + 1] / 255 * alpha;
    d[i + 2] = d[i + 2] * (1 - alpha) + b * d[i + 2] / 255 * alpha;
  }
  rect(x, y, w, h, color, alpha = 1) {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.blend(xx, yy, color, alpha);
  }
  ring(cx, cy, radius, thickness, color, alpha) {
    const outer = radius * radius;
    const inner = (radius - thickness) * (radius - thickness);
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
        const d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        if (d <= outer && d >= inner) this.blend(x, y, color, alpha);
      }
    }
  }
};
function paper(canvas, random) {
  const base = [random.int(228, 240), random.int(226, 236), random.int(214, 228)];
  const light = random.next() * 0.06;
  let noise = random.nextUint32() | 1;
  const { data, width, height } = canvas;
  for (let y = 0; y < height; y++) {
    const shade = 1 - light * (y / height);
    for (let x = 0; x < width; x++) {
      noise ^= noise << 13;
      noise ^= noise >>> 17;
      noise ^= noise << 5;
      const grain = (noise & 7) - 3;
      const edge = x < 10 ? (10 - x) * 6 : 0;
      const i = (y * width + x) * 4;
      data[i] = base[0] * shade + grain - edge;
      data[i + 1] = base[1] * shade + grain - edge;
      data[i + 2] = base[2] * shade + grain - edge;
      data[i + 3] = 255;
    }
  }
}
function textRow(canvas, random, x, y, width, size, color = INK) {
  const step = size + Math.max(2, Math.round(size / 5));
  for (let cx = x; cx + size <= x + width; cx += step) {
    if (random.chance(0.06)) continue;
    const strokes = random.int(2, 4);
    for (let s = 0; s < strokes; s++) {
      if (random.chance(0.5)) canvas.rect(cx, y + random.int(0, size - 2), random.int(size / 2, size), 2, color, 0.85);
      else canvas.rect(cx + random.int(0, size - 2), y, 2, random.int(size / 2, size), color, 0.85);
    }
  }
}
function paragraph(canvas, random, top, rows, left = 70, right = SCAN_WIDTH - 60) {
  let y = top;
  for (let r = 0; r < rows; r++) {
    const indent = r === 0 ? 34 : 0;
    const width = r === rows - 1 ? random.int(80, right - left) : right - left - indent;
    textRow(canvas, random, left + indent, y, width, 14);
    y += 26;
  }
  return y + 8;
}
function title(canvas, random, y, chars) {
  const size = 24;
  const width = chars * (size + 6);
  textRow(canvas, random, (SCAN_WIDTH - width) / 2, y, width, size);
}
function seal(canvas, random, cx, cy) {
  const alpha = 0.55 + random.next() * 0.25;
  canvas.ring(cx, cy, 62, 5, SEAL, alpha);
  for (let r = 0; r < 14; r++) canvas.rect(cx - r, cy - 14 + r, 2 * r + 1, 1, SEAL, alpha);
  for (let a = 0; a < 16; a++) {
    const angle = Math.PI * (0.85 + a / 15 * 1.3);
    canvas.rect(cx + Math.cos(angle) * 44 - 5, cy + Math.sin(angle) * 44 - 5, 10, 10, SEAL, alpha * 0.8);
  }
}
function grid(canvas, random, top, rows, columns, rowHeight) {
  const left = 60;
  const right = SCAN_WIDTH - 56;
  const width = right - left;
  for (let r = 0; r <= rows; r++) canvas.rect(left, top + r * rowHeight, width, 2, INK, 0.9);
  let x = left;
  const edges = [left, ...columns.map((c) => x += c * width), right];
  for (const edge of edges) canvas.rect(edge, top, 2, rows * rowHeight, INK, 0.9);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < edges.length - 1; c++) {
      const cellLeft = edges[c] + 8;
      const cellWidth = edges[c + 1] - cellLeft - 8;
      if (random.chance(0.85)) textRow(canvas, random, cellLeft, top + r * rowHeight + (rowHeight - 12) / 2, random.int(Math.min(24, cellWidth), Math.max(24, cellWidth)), 12);
    }
  }
  return top + rows * rowHeight;
}
function photo(canvas, random, top, height) {
  const left = 90;
  const width = SCAN_WIDTH - 180;
  const tone = random.int(60, 150);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x += 1) {
      const v = tone + 60 * Math.sin((x + random.int(0, 3)) / (23 + y % 7)) * Math.cos(y / 31);
      canvas.blend(left + x, top + y, [v, v * 0.97, v * 0.92], 0.9);
    }
  }
  canvas.rect(left, top, width, 2, INK, 0.9);
  canvas.rect(left, top + height, width, 2, INK, 0.9);
}
var DIGITS2 = ["01110100011001110101110011000101110", "00100011000010000100001000010001110", "01110100010000100010001000100011111", "11111000100010000010000011000101110", "00010001100101010010111110001000010", "11111100001111000001000011000101110", "00110010001000011110100011000101110", "11111000010001000100010000100001000", "01110100011000101110100011000101110", "01110100011000101111000010001001100"];
function pageNumber(canvas, n) {
  const text2 = String(n);
  const scale = 3;
  let x = SCAN_WIDTH - 40 - text2.length * 6 * scale;
  for (const char of text2) {
    const bits = DIGITS2[Number(char)] ?? "";
    for (let i = 0; i < 35; i++) if (bits[i] === "1") canvas.rect(x + i % 5 * scale, 30 + Math.floor(i / 5) * scale, scale, scale, INK, 0.9);
    x += 6 * scale;
  }
}
function scanPageJpeg(layout, random, stampedPage) {
  pixels ??= new Uint8ClampedArray(SCAN_WIDTH * SCAN_HEIGHT * 4);
  const canvas = new Canvas(pixels, SCAN_WIDTH, SCAN_HEIGHT);
  paper(canvas, random);
  title(canvas, random, 80, random.int(4, 9));
  let y = 140;
  switch (layout) {
    case "form":
      y = grid(canvas, random, y, random.int(8, 12), [0.2, 0.3, 0.2], 44);
      y = paragraph(canvas, random, y + 30, random.int(2, 4));
      seal(canvas, random, SCAN_WIDTH - 170, Math.min(SCAN_HEIGHT - 120, y + 60));
      break;
    case "table":
      y = grid(canvas, random, y, random.int(12, 18), [0.08, 0.3, 0.14, 0.12, 0.16], 34);
      seal(canvas, random, SCAN_WIDTH - 160, Math.min(SCAN_HEIGHT - 110, y + 80));
      break;
    case "statement":
      for (let r = 0; r < 30; r++, y += 24) {
        for (const [x, w] of [[60, 90], [170, 150], [340, 110], [470, 70], [560, 70]]) textRow(canvas, random, x, y, random.int(w / 2, w), 10);
      }
      break;
    case "photo":
      photo(canvas, random, y, 300);
      y = paragraph(canvas, random, y + 320, 1);
      photo(canvas, random, y + 10, 300);
      paragraph(canvas, random, y + 330, 1);
      break;
    case "letter":
      for (let p = 0; p < random.int(3, 5) && y < SCAN_HEIGHT - 260; p++) y = paragraph(canvas, random, y, random.int(2, 6));
      seal(canvas, random, SCAN_WIDTH - 170, Math.min(SCAN_HEIGHT - 120, y + 90));
      break;
  }
  if (stampedPage !== null) pageNumber(canvas, stampedPage);
  return Buffer.from(jpeg.encode({ data: pixels, width: SCAN_WIDTH, height: SCAN_HEIGHT }, QUALITY).data);
}

// src/mock-portal/dossier/text-layout.ts
var PAGE_WIDTH = 595.28;
var PAGE_HEIGHT = 841.89;
var MARGIN_LEFT = 72;
var MARGIN_RIGHT = 66;
var MARGIN_TOP = 78;
var MARGIN_BOTTOM = 76;
var BODY_SIZE = 12;
var BODY_LEADING = 22;
var TITLE_SIZE = 20;
var TITLE_LEADING = 36;
var HANGING = new Set("\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300B\u300D\u300F\u201D\u2019,.;:?!)%".split(""));
function wrapText(text2, size, width) {
  const metrics = dossierFontMetrics();
  const lines = [];
  let line = "";
  let lineWidth = 0;
  for (const char of text2) {
    const charWidth = metrics.width(char) * size;
    if (lineWidth + charWidth > width && line !== "" && !HANGING.has(char)) {
      lines.push(line);
      line = "";
      lineWidth = 0;
    }
    line += char;
    lineWidth += charWidth;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}
function paragraphLines(text2, options = {}) {
  const clean = drawableText(text2);
  const indented = options.indent !== false && !/^(问|答)：/.test(clean);
  const width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  return wrapText(indented ? `\u3000\u3000${clean}` : clean, BODY_SIZE, width).map((line) => ({
    text: line,
    size: BODY_SIZE,
    leading: BODY_LEADING,
    centered: false,
    indent: 0
  }));
}
function centered(text2, size, leading) {
  return { text: drawableText(text2), size, leading, centered: true, indent: 0 };
}
var CONTENT_TOP = PAGE_HEIGHT - MARGIN_TOP;
var CONTENT_BOTTOM = MARGIN_BOTTOM;
function advance(cursor, leading) {
  return cursor.y - leading < CONTENT_BOTTOM ? { page: cursor.page + 1, y: CONTENT_TOP - leading } : { page: cursor.page, y: cursor.y - leading };
}
function endsWithin(cursor, lines, pages) {
  let at = cursor;
  for (const line of lines) at = advance(at, line.leading);
  return at.page < pages;
}
function layoutText(content, pages, random) {
  const prelude = [
    ...content.titleLines.map((t2) => centered(t2, TITLE_SIZE, TITLE_LEADING)),
    ...content.subtitle ? [centered(content.subtitle, BODY_SIZE, 28)] : [],
    ...content.header.flatMap((p) => paragraphLines(p, { indent: false }))
  ];
  const closing = content.closing.flatMap((p) => paragraphLines(p, { indent: false }));
  const flow = [...prelude];
  let cursor = { page: 0, y: CONTENT_TOP };
  for (const line of prelude) cursor = advance(cursor, line.leading);
  for (let guard = 0; content.body && guard < 1e4; guard++) {
    const next = content.body.next();
    if (next.done) break;
    let lines = paragraphLines(next.value);
    if (content.radicals) lines = lines.map((line) => random.chance(0.2) ? { ...line, text: withRadicals(line.text) } : line);
    if (!endsWithin(cursor, [...lines, ...closing], pages)) break;
    for (const line of lines) cursor = advance(cursor, line.leading);
    flow.push(...lines);
  }
  flow.push(...closing);
  const placed = Array.from({ length: pages }, () => []);
  let at = { page: 0, y: CONTENT_TOP };
  const metrics = dossierFontMetrics();
  for (const line of flow) {
    at = advance(at, line.leading);
    if (at.page >= pages) break;
    const width = metrics.width(line.text) * line.size;
    const x = line.centered ? (PAGE_WIDTH - width) / 2 : MARGIN_LEFT + line.indent;
    placed[at.page]?.push({ text: line.text, x, y: at.y, size: line.size });
  }
  return placed;
}
function withRadicals(text2) {
  return text2.replace(/人/g, "\u2F08").replace(/见/g, "\u2EC5");
}

// src/mock-portal/dossier/render-pdf.ts
var INK2 = rgb(0.08, 0.08, 0.1);
var PRODUCER = "Dossier Desk mock portal";
async function newPdf(title2, profile, random) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(dossierFontkit);
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(65 + random.int(0, 25))).join("");
  const font = await doc.embedFont(dossierFontBytes(), { subset: true, customName: `${tag}+DossierSansSC-Regular` });
  doc.setTitle(drawableText(title2));
  doc.setAuthor(profile.policeUnit);
  doc.setSubject(profile.caseName);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(profile.referredAt);
  doc.setModificationDate(profile.referredAt);
  return { doc, font };
}
async function finish(canvas, secrets) {
  const keySeed = createHmac2("sha256", `dossier-pdf
${secrets.openPassword}`).update(secrets.fileLabel).digest();
  const ownerPassword = createHmac2("sha256", keySeed).update("owner-password").digest("base64url").slice(0, 24);
  encryptDeterministically(canvas.doc, { userPassword: secrets.openPassword, ownerPassword, keySeed });
  return Buffer.from(await canvas.doc.save({ useObjectStreams: true }));
}
function text(page, font, value, x, y, size) {
  page.drawText(value, { x, y, size, font, color: INK2 });
}
function centeredText(page, font, value, y, size) {
  const clean = drawableText(value);
  text(page, font, clean, (PAGE_WIDTH - dossierFontMetrics().width(clean) * size) / 2, y, size);
}
function fitted(value, size, width) {
  const clean = drawableText(value);
  const natural = dossierFontMetrics().width(clean) * size;
  return { value: clean, size: natural <= width ? size : Math.max(6, size * width / natural) };
}
async function renderVolumeFront(front, profile, random, secrets) {
  const { volume } = front;
  const canvas = await newPdf(`${profile.caseName} ${volume.name} \u5C01\u9762\u53CA\u5377\u5185\u76EE\u5F55`, profile, random);
  const { doc, font } = canvas;
  const cover = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  cover.drawRectangle({ x: 48, y: 48, width: PAGE_WIDTH - 96, height: PAGE_HEIGHT - 96, borderColor: INK2, borderWidth: 1.5 });
  cover.drawRectangle({ x: 54, y: 54, width: PAGE_WIDTH - 108, height: PAGE_HEIGHT - 108, borderColor: INK2, borderWidth: 0.5 });
  centeredText(cover, font, profile.policeUnit, PAGE_HEIGHT - 150, 18);
  centeredText(cover, font, "\u5211 \u4E8B \u4FA6 \u67E5 \u5377 \u5B97", PAGE_HEIGHT - 220, 30);
  centeredText(cover, font, `\uFF08${volume.name}\uFF09`, PAGE_HEIGHT - 262, 16);
  const rows = [
    ["\u6848\u4EF6\u540D\u79F0", profile.caseName],
    ["\u6848\u3000\u3000\u53F7", profile.caseNumber],
    ["\u72AF\u7F6A\u5ACC\u7591\u4EBA", profile.suspects.map((s) => s.name).join("\u3001")],
    ["\u4FA6\u67E5\u673A\u5173", profile.policeUnit],
    ["\u627F\u529E\u5355\u4F4D", profile.unitName],
    ["\u5377\u3000\u3000\u6B21", `${volume.name}\uFF08\u5171${front.volumeCount}\u5377\uFF09`],
    ["\u672C\u5377\u9875\u6570", `\u5171 ${volume.documentPages} \u9875`],
    ["\u7ACB\u5377\u65E5\u671F", chineseDate(profile.referredAt)],
    ["\u4FDD\u7BA1\u671F\u9650", "\u6C38\u4E45"]
  ];
  let y = PAGE_HEIGHT - 340;
  for (const [label, value] of rows) {
    text(cover, font, `${label}\uFF1A`, 110, y, 15);
    const line = fitted(value, 15, PAGE_WIDTH - 110 - 120 - 100);
    text(cover, font, line.value, 230, y, line.size);
    cover.drawLine({ start: { x: 228, y: y - 6 }, end: { x: PAGE_WIDTH - 100, y: y - 6 }, thickness: 0.6, color: INK2 });
    y -= 42;
  }
  const perPage = Math.ceil(volume.documents.length / volume.tocPages);
  const columns = [MARGIN_LEFT - 20, MARGIN_LEFT + 30, PAGE_WIDTH - MARGIN_RIGHT - 70, PAGE_WIDTH - MARGIN_RIGHT + 20];
  const [c0, c1, c2, c3] = columns;
  for (let p = 0; p < volume.tocPages; p++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    centeredText(page, font, "\u5377 \u5185 \u76EE \u5F55", PAGE_HEIGHT - 90, 22);
    const caption = fitted(`${profile.caseName}\u3000${volume.name}`, 11, c3 - c0);
    text(page, font, caption.value, c0, PAGE_HEIGHT - 122, caption.size);
    const rowHeight = 30;
    let top = PAGE_HEIGHT - 135;
    const drawRow = (cells) => {
      for (const x of columns) page.drawLine({ start: { x, y: top }, end: { x, y: top - rowHeight }, thickness: 0.7, color: INK2 });
      page.drawLine({ start: { x: c0, y: top - rowHeight }, end: { x: c3, y: top - rowHeight }, thickness: 0.7, color: INK2 });
      const baseline = top - rowHeight / 2 - 4;
      const [number, title2, pages] = cells;
      const numberWidth = dossierFontMetrics().width(number) * 11;
      text(page, font, number, (c0 + c1 - numberWidth) / 2, baseline, 11);
      const fit = fitted(title2, 11, c2 - c1 - 12);
      text(page, font, fit.value, c1 + 6, baseline, fit.size);
      const pagesWidth = dossierFontMetrics().width(pages) * 11;
      text(page, font, pages, (c2 + c3 - pagesWidth) / 2, baseline, 11);
      top -= rowHeight;
    };
    page.drawLine({ start: { x: c0, y: top }, end: { x: c3, y: top }, thickness: 0.7, color: INK2 });
    drawRow(["\u5E8F\u53F7", "\u6587\u4EF6\u540D\u79F0", "\u9875\u6B21"]);
    volume.documents.slice(p * perPage, (p + 1) * perPage).forEach((document, i) => {
      const last = document.firstPage + document.pageKinds.length - 1;
      const range = last === document.firstPage ? String(last) : `${document.firstPage}-${last}`;
      drawRow([String(p * perPage + i + 1), document.blueprint.title, range]);
    });
    if (volume.tocPages > 1) centeredText(page, font, `\u7B2C${p + 1}\u9875\u3000\u5171${volume.tocPages}\u9875`, 50, 9);
  }
  return finish(canvas, secrets);
}
async function renderDocument(document, profile, random, secrets) {
  const { blueprint, pageKinds } = document;
  const canvas = await newPdf(blueprint.title, profile, random.fork("pdf"));
  const { doc, font } = canvas;
  const textPages = pageKinds.filter((k) => k === "text").length;
  const content = blueprint.text && textPages > 0 ? blueprint.text(random.fork("text")) : void 0;
  const laidOut = content ? layoutText(content, textPages, random.fork("layout")) : [];
  let textIndex = 0;
  for (let i = 0; i < pageKinds.length; i++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    const stamp = document.firstPage + i;
    if (pageKinds[i] === "scan") {
      const jpeg2 = scanPageJpeg(blueprint.scanLayout, random.fork(`scan-${i}`), stamp);
      const image = await doc.embedJpg(jpeg2);
      page.drawImage(image, { x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT });
      continue;
    }
    for (const line of laidOut[textIndex] ?? []) text(page, font, line.text, line.x, line.y, line.size);
    if (content?.footer) centeredText(page, font, content.footer(i + 1, pageKinds.length), 42, 9);
    const stampText = String(stamp);
    text(page, font, stampText, PAGE_WIDTH - 50 - dossierFontMetrics().width(stampText) * 11, PAGE_HEIGHT - 42, 11);
    textIndex++;
  }
  return finish(canvas, secrets);
}

// src/mock-portal/dossier/seeded-random.ts
import { createHash as createHash2 } from "node:crypto";
var SeededRandom = class _SeededRandom {
  a;
  b;
  c;
  d;
  constructor(seed) {
    const digest = createHash2("sha256").update(seed, "utf8").digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }
  /** A new, independent stream named by `label`. */
  fork(label) {
    return new _SeededRandom(`${this.a}:${this.b}:${this.c}:${this.d}/${label}`);
  }
  nextUint32() {
    const t2 = (this.a + this.b | 0) + this.d | 0;
    this.d = this.d + 1 | 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) | 0;
    this.c = this.c << 21 | this.c >>> 11;
    this.c = this.c + t2 | 0;
    return t2 >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    return this.nextUint32() / 4294967296;
  }
  /** Uniform integer in [min, max] (both inclusive). */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability) {
    return this.next() < probability;
  }
  pick(items) {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }
  bytes(count) {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i += 4) {
      const value = this.nextUint32();
      for (let j = 0; j < 4 && i + j < count; j++) out[i + j] = value >>> 8 * j & 255;
    }
    return out;
  }
};

// src/mock-portal/dossier/seven-zip.ts
import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, chmod, copyFile, mkdir, rename, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join as join2 } from "node:path";
import sevenBin from "7zip-bin";
var resolved;
async function executable(path) {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
async function findSevenZip() {
  const shipped = sevenBin.path7za.replace(`app.asar${process.platform === "win32" ? "\\" : "/"}`, `app.asar.unpacked${process.platform === "win32" ? "\\" : "/"}`);
  if (process.platform === "win32" || await executable(shipped)) return shipped;
  try {
    await chmod(shipped, 493);
    if (await executable(shipped)) return shipped;
  } catch {
  }
  const dir = join2(tmpdir(), `dossier-desk-7za-${process.getuid?.() ?? "user"}`);
  const copy = join2(dir, basename(shipped));
  const [source, existing] = await Promise.all([stat(shipped), stat(copy).catch(() => null)]);
  if (!existing || existing.size !== source.size || !await executable(copy)) {
    await mkdir(dir, { recursive: true, mode: 448 });
    const partial = `${copy}.${process.pid}.partial`;
    await copyFile(shipped, partial);
    await chmod(partial, 493);
    await rename(partial, copy);
  }
  return copy;
}
function sevenZipPath() {
  resolved ??= findSevenZip().catch((error) => {
    resolved = void 0;
    throw error;
  });
  return resolved;
}
async function runSevenZip(args2, cwd, timeoutMs) {
  const binary = await sevenZipPath();
  return new Promise((resolve2, reject) => {
    const child = spawn(binary, args2, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      // p7zip converts file names through the locale: without UTF-8 it mangles Chinese names.
      env: process.platform === "linux" ? { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" } : process.env
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code2, signal) => {
      clearTimeout(timer);
      const result = { code: code2 ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
      if (signal) reject(new Error(`7za stopped by ${signal}${signal === "SIGKILL" ? ` after ${timeoutMs} ms` : ""}`));
      else resolve2(result);
    });
  });
}
async function packSevenZip(sourceDir, entries, outFile, password, timeoutMs) {
  const args2 = ["a", "-t7z", "-mx=1", "-mtc=off", "-mta=off", "-y", "-bd", "-ssc", outFile];
  if (password) args2.push(`-p${password}`, "-mhe=on");
  args2.push("--", ...entries);
  const result = await runSevenZip(args2, sourceDir, timeoutMs);
  if (result.code !== 0) throw new Error(`7za failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" ")}`);
}

// src/mock-portal/dossier/zip-writer.ts
import { crc32, deflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
var UTF8_FLAG = 2048;
var ENCRYPTED_FLAG = 1;
var VERSION_MADE_BY = 20;
var DOS_DIRECTORY = 16;
var DOS_ARCHIVE = 32;
var MAX_OFFSET = 4294967295;
var MAX_ENTRIES = 65535;
function dosDateTime(date) {
  return {
    time: date.getUTCHours() << 11 | date.getUTCMinutes() << 5 | Math.floor(date.getUTCSeconds() / 2),
    date: Math.max(1980, date.getUTCFullYear()) - 1980 << 9 | date.getUTCMonth() + 1 << 5 | date.getUTCDate()
  };
}
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
var ZipCrypto = class {
  k0 = 305419896;
  k1 = 591751049;
  k2 = 878082192;
  constructor(password) {
    for (const byte of Buffer.from(password, "latin1")) this.update(byte);
  }
  update(byte) {
    this.k0 = (CRC_TABLE[(this.k0 ^ byte) & 255] ^ this.k0 >>> 8) >>> 0;
    this.k1 = Math.imul(this.k1 + (this.k0 & 255) >>> 0, 134775813) + 1 >>> 0;
    this.k2 = (CRC_TABLE[(this.k2 ^ this.k1 >>> 24) & 255] ^ this.k2 >>> 8) >>> 0;
  }
  encrypt(data) {
    const out = Buffer.allocUnsafe(data.length);
    for (let i = 0; i < data.length; i++) {
      const temp = (this.k2 | 2) & 65535;
      const byte = data[i];
      out[i] = byte ^ Math.imul(temp, temp ^ 1) >>> 8 & 255;
      this.update(byte);
    }
    return out;
  }
};
var ZipWriter = class {
  constructor(sink, options) {
    this.sink = sink;
    this.options = options;
    this.stamp = dosDateTime(options.modified);
  }
  sink;
  options;
  offset = 0;
  records = [];
  stamp;
  finished = false;
  encodeName(name) {
    if (this.options.names === "utf8") return Buffer.from(name, "utf8");
    const encoded = iconv.encode(name, "gbk");
    if (iconv.decode(encoded, "gbk") !== name) throw new Error(`entry name not representable in GBK: ${name}`);
    return encoded;
  }
  async write(chunk) {
    await this.sink(chunk);
    this.offset += chunk.length;
  }
  async addDirectory(name) {
    await this.addEntry(name.endsWith("/") ? name : `${name}/`, Buffer.alloc(0), DOS_DIRECTORY);
  }
  async addFile(name, data) {
    await this.addEntry(name, data, DOS_ARCHIVE);
  }
  async addEntry(name, data, attributes) {
    if (this.finished) throw new Error("zip already finished");
    if (this.records.length >= MAX_ENTRIES) throw new Error("too many entries for a zip without Zip64");
    const encodedName = this.encodeName(name);
    const crc = crc32(data);
    const deflated = data.length > 0 ? deflateRawSync(data, { level: 6 }) : data;
    const method = deflated.length < data.length ? 8 : 0;
    let payload = method === 8 ? deflated : data;
    let flags = this.options.names === "utf8" ? UTF8_FLAG : 0;
    const isDirectory = attributes === DOS_DIRECTORY;
    if (this.options.password && !isDirectory) {
      const crypto = new ZipCrypto(this.options.password);
      const header = Buffer.concat([this.options.randomBytes?.(11) ?? Buffer.alloc(11), Buffer.from([crc >>> 24])]);
      payload = Buffer.concat([crypto.encrypt(header), crypto.encrypt(payload)]);
      flags |= ENCRYPTED_FLAG;
    }
    if (this.offset + 30 + encodedName.length + payload.length > MAX_OFFSET) throw new Error("archive too large for a zip without Zip64");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(67324752, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(encodedName.length, 26);
    local.writeUInt16LE(0, 28);
    this.records.push({ name: encodedName, flags, method, crc, compressedSize: payload.length, size: data.length, offset: this.offset, attributes });
    await this.write(Buffer.concat([local, encodedName]));
    await this.write(payload);
  }
  async finish() {
    if (this.finished) return;
    this.finished = true;
    const start = this.offset;
    const parts = [];
    for (const r of this.records) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(33639248, 0);
      central.writeUInt16LE(VERSION_MADE_BY, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(r.flags, 8);
      central.writeUInt16LE(r.method, 10);
      central.writeUInt16LE(this.stamp.time, 12);
      central.writeUInt16LE(this.stamp.date, 14);
      central.writeUInt32LE(r.crc, 16);
      central.writeUInt32LE(r.compressedSize, 20);
      central.writeUInt32LE(r.size, 24);
      central.writeUInt16LE(r.name.length, 28);
      central.writeUInt32LE(r.attributes, 38);
      central.writeUInt32LE(r.offset, 42);
      parts.push(central, r.name);
    }
    const directory = Buffer.concat(parts);
    if (start + directory.length > MAX_OFFSET) throw new Error("archive too large for a zip without Zip64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(101010256, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(directory);
    await this.write(end);
  }
};

// src/mock-portal/dossier/generate-dossier.ts
var FRONT_TITLE = "\u5C01\u9762\u53CA\u5377\u5185\u76EE\u5F55";
function safeSegment(name, gbk = false) {
  let out = "";
  for (const char of name) {
    const code2 = char.codePointAt(0) ?? 0;
    const bad = code2 < 32 || code2 === 127 || '\\/:*?"<>|'.includes(char) || gbk && iconv2.decode(iconv2.encode(char, "gbk"), "gbk") !== char;
    out += bad ? "_" : char;
  }
  out = out.trim().replace(/[. ]+$/, "");
  return out === "" ? "_" : Array.from(out).slice(0, 80).join("");
}
function prepare(spec) {
  checkDossierSpec(spec);
  const root = new SeededRandom(`dossier
${spec.seed}`);
  const profile = buildCaseProfile(spec, root.fork("profile"));
  const plan = planDossier(spec.pages, new DocumentCatalog(profile), root.fork("plan"));
  const gbk = spec.gbkNames === true;
  const volumes = plan.map((volume) => {
    const width = Math.max(2, String(volume.documents.length).length);
    const folder = safeSegment(volume.name, gbk);
    return {
      name: volume.name,
      documents: [
        { path: `${folder}/${"0".padStart(width, "0")}_${FRONT_TITLE}.pdf`, title: FRONT_TITLE, pages: volume.frontPages },
        ...volume.documents.map((document, i) => ({
          path: `${folder}/${String(i + 1).padStart(width, "0")}_${safeSegment(document.blueprint.title, gbk)}.pdf`,
          title: document.blueprint.title,
          pages: document.pageKinds.length
        }))
      ]
    };
  });
  const pageCount = volumes.reduce((sum, v) => sum + v.documents.reduce((s, d) => s + d.pages, 0), 0);
  if (pageCount !== spec.pages) throw new Error(`planned ${pageCount} pages instead of ${spec.pages}`);
  return { spec, root, profile, plan, volumes, fileName: `${safeSegment(profile.caseName)}.${spec.format}` };
}
async function renderAll(prepared, onFolder, onFile) {
  const { spec, root, profile, plan, volumes } = prepared;
  for (const [v, volume] of plan.entries()) {
    const paths = volumes[v]?.documents.map((d) => d.path) ?? [];
    await onFolder(paths[0]?.split("/")[0] ?? volume.name);
    const frontPath = paths[0];
    const front = await renderVolumeFront({ volume, volumeCount: plan.length }, profile, root.fork(`front-${volume.number}`), {
      openPassword: spec.openPassword,
      fileLabel: `${spec.seed}
${frontPath}`
    });
    await onFile(frontPath, front);
    for (const [d, document] of volume.documents.entries()) {
      const path = paths[d + 1];
      const bytes = await renderDocument(document, profile, root.fork(`document-${document.index}`), {
        openPassword: spec.openPassword,
        fileLabel: `${spec.seed}
${path}`
      });
      await onFile(path, bytes);
    }
  }
}
function zipWriter(prepared, sink) {
  const modified = new Date(prepared.profile.referredAt.getTime() + 10.5 * 36e5);
  const zipRandom = prepared.root.fork("zip-crypto");
  return new ZipWriter(sink, {
    names: prepared.spec.gbkNames ? "gbk" : "utf8",
    modified,
    password: prepared.spec.archivePassword ?? null,
    randomBytes: (count) => zipRandom.bytes(count)
  });
}
async function sevenZip(prepared, outFile) {
  const stage = await mkdtemp(join3(tmpdir2(), "dossier-gen-"));
  try {
    const mtime = prepared.profile.referredAt;
    const folders = [];
    await renderAll(
      prepared,
      async (folder) => {
        folders.push(folder);
        await mkdir2(join3(stage, folder), { recursive: true });
      },
      async (path, bytes) => {
        await writeFile(join3(stage, path), bytes);
        await utimes(join3(stage, path), mtime, mtime);
      }
    );
    for (const folder of folders) await utimes(join3(stage, folder), mtime, mtime);
    await unlink(outFile).catch(() => void 0);
    const timeoutMs = 12e4 + prepared.spec.pages * 100;
    await packSevenZip(stage, folders, outFile, prepared.spec.archivePassword ?? null, timeoutMs);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
async function writeDossierFile(spec, filePath) {
  const prepared = prepare(spec);
  const target = resolve(filePath);
  const partial = join3(dirname2(target), `.${prepared.fileName}.${process.pid}.partial`);
  try {
    if (spec.format === "zip") {
      const out = createWriteStream(partial);
      const writer = zipWriter(prepared, async (chunk) => {
        if (!out.write(chunk)) await once(out, "drain");
      });
      await renderAll(prepared, (folder) => writer.addDirectory(folder), (path, data) => writer.addFile(path, data));
      await writer.finish();
      out.end();
      await once(out, "finish");
    } else {
      await sevenZip(prepared, partial);
    }
    const handle = await open(partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename2(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const hash = createHash3("sha256");
  for await (const chunk of createReadStream(target)) hash.update(chunk);
  return {
    fileName: prepared.fileName,
    filePath: target,
    size: (await stat2(target)).size,
    sha256: hash.digest("hex"),
    pageCount: spec.pages,
    volumes: prepared.volumes
  };
}

// src/cli/command.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/cli/commands/console-generate.ts
var DEFAULT_OPEN_PASSWORD = "1234567";
var consoleGenerateUsage = `Usage: dossier console generate --out FILE --pages N [--format zip|7z] [--gbk]
         [--open-password P] [--archive-password P] [--seed S] [--case-name NAME]
         [--unit NAME] [--suspect NAME]...

Generates a dossier as the portal publishes it \u2014 volumes (\u5377) with a cover and \u5377\u5185\u76EE\u5F55, text and
scanned pages, every PDF encrypted (AES-256) \u2014 and writes the archive to FILE. The same options
give the same bytes (zip). Prints {"file","size","sha256","pages","volumes"} as one JSON line.

Options:
  --out FILE              where to write the archive (replaced if it exists)
  --pages N               total PDF pages, ${MIN_DOSSIER_PAGES}\u2013${MAX_DOSSIER_PAGES}
  --format zip|7z         archive format (default zip)
  --gbk                   zip entry names in GBK without the UTF-8 flag, as Windows tools write
  --open-password P       the PDFs' open password (\u5377\u5B97\u6587\u6863\u6253\u5F00\u5BC6\u7801; default ${DEFAULT_OPEN_PASSWORD})
  --archive-password P    also encrypt the archive (ZipCrypto for zip, AES for 7z)
  --seed S                everything random derives from it (default "dossier")
  --case-name NAME        \u6848\u4EF6\u540D\u79F0 (default \u5F20\u67D0\u67D0\u6D89\u5ACC\u8BC8\u9A97\u6848)
  --unit NAME             \u627F\u529E\u5355\u4F4D (default \u91CD\u5E86\u5E02\u6DAA\u9675\u533A\u4EBA\u6C11\u68C0\u5BDF\u9662)
  --suspect NAME          \u72AF\u7F6A\u5ACC\u7591\u4EBA; repeat for several (default \u5F20\u67D0\u67D0)`;
function parsePages(value) {
  if (value === void 0) throw new UsageError("--pages is required");
  const pages = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(pages >= MIN_DOSSIER_PAGES && pages <= MAX_DOSSIER_PAGES)) {
    throw new UsageError(`--pages must be a whole number from ${MIN_DOSSIER_PAGES} to ${MAX_DOSSIER_PAGES}, not '${value}'`);
  }
  return pages;
}
async function runConsoleGenerate(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        pages: { type: "string" },
        format: { type: "string" },
        gbk: { type: "boolean" },
        "open-password": { type: "string" },
        "archive-password": { type: "string" },
        seed: { type: "string" },
        "case-name": { type: "string" },
        unit: { type: "string" },
        suspect: { type: "string", multiple: true }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (!values.out) throw new UsageError("--out is required");
  const pages = parsePages(values.pages);
  const format = values.format ?? "zip";
  if (format !== "zip" && format !== "7z") throw new UsageError(`--format must be zip or 7z, not '${format}'`);
  if (values.gbk && format !== "zip") throw new UsageError("--gbk applies to zip only");
  const spec = {
    seed: values.seed ?? "dossier",
    caseName: values["case-name"] ?? "\u5F20\u67D0\u67D0\u6D89\u5ACC\u8BC8\u9A97\u6848",
    unitName: values.unit ?? "\u91CD\u5E86\u5E02\u6DAA\u9675\u533A\u4EBA\u6C11\u68C0\u5BDF\u9662",
    suspects: values.suspect ?? ["\u5F20\u67D0\u67D0"],
    pages,
    format,
    gbkNames: values.gbk === true,
    openPassword: values["open-password"] ?? DEFAULT_OPEN_PASSWORD,
    archivePassword: values["archive-password"] ?? null
  };
  let written2;
  try {
    written2 = await writeDossierFile(spec, values.out);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(
    `${JSON.stringify({ file: written2.filePath, size: written2.size, sha256: written2.sha256, pages: written2.pageCount, volumes: written2.volumes })}
`
  );
  return 0;
}

// ../../tmp/gen-bench/bench.ts
var args = process.argv.slice(2);
var t = performance.now();
var code = await runConsoleGenerate(args);
process.stderr.write(`time ${((performance.now() - t) / 1e3).toFixed(1)} s, peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, code ${code}
`);
