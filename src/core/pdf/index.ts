/** PDF helpers shared by the library (page counts) and, later, the viewer. */
export { countPdfPages } from './count-pdf-pages';
