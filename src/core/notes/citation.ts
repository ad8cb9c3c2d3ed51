/**
 * How a note cites its place in the dossier, as lawyers write it in a 阅卷笔录: 《第一卷·讯问笔录》第3页.
 */
import { documentTitle } from '../../shared/document-title';

export { documentTitle };

/** The volume a path sits in when the dossier no longer lists it: its top-level folder, if any. */
export function volumeOfPath(path: string): string | null {
  const parts = path.split('/');
  return parts.length > 1 && parts[0] !== '' ? (parts[0] as string) : null;
}

/** 《第一卷·讯问笔录》第3页; without a volume: 《讯问笔录》第3页. */
export function citation(volume: string | null, path: string, page: number): string {
  const title = documentTitle(path);
  return `《${volume ? `${volume}·${title}` : title}》第${page}页`;
}
