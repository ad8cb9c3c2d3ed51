/**
 * The one rule for citing a page of a dossier, as a 阅卷笔录 cites it: 《第一卷·讯问笔录》第23页, by
 * the 卷宗页码 a prosecutor or judge can turn to. Where the dossier page number is not known the
 * citation says so and gives the page of the file instead.
 */

export interface CitationParts {
  /** 第一卷; null for a file outside any volume. */
  volume: string | null;
  /** The document's title (讯问笔录（第一次）). */
  title: string;
  /** 卷宗页码; null when not known. */
  dossierPage: number | null;
  /** The page within the document (its PDF page), cited when the 卷宗页码 is not known. */
  documentPage: number;
}

/**
 * 《第一卷·讯问笔录》第23页, or 《第一卷·讯问笔录》（卷宗页码不详，文件第2页）. In the English
 * interface: 第一卷 · 讯问笔录, p. 23 (the volume and title stay the dossier's own words).
 */
export function formatCitation({ volume, title, dossierPage, documentPage }: CitationParts, locale = 'zh-CN'): string {
  if (locale === 'en') {
    const name = `${volume ? `${volume} · ` : ''}${title}`;
    return dossierPage === null ? `${name}, file p. ${documentPage} (dossier page unknown)` : `${name}, p. ${dossierPage}`;
  }
  const name = `《${volume ? `${volume}·` : ''}${title}》`;
  return dossierPage === null ? `${name}（卷宗页码不详，文件第${documentPage}页）` : `${name}第${dossierPage}页`;
}
