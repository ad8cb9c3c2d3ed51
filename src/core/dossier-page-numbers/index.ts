/** 卷宗页码 per page of a dossier, from its 目录 and the stamps read on its pages. */
export { DossierPageNumbers, type ContentsSource, type NumberableDossier, type StampsSource } from './dossier-page-numbers';
