/** Files streamed to core (the web host's uploads for 导入卷宗), named by a staged id. */
export {
  MAX_STAGED_BYTES,
  STAGED_ID_PATTERN,
  STAGED_MAX_AGE_MS,
  StagingArea,
  type StagedFile,
} from './staging-area';
