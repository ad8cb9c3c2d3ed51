import { useCallback, useRef, useState, type DragEvent } from 'react';
import { dragHasFiles, firstDroppedFile } from './archive-name';

/**
 * Whole-page drag and drop of a file: `dragging` while a file is held over the page (children's
 * enter/leave pairs are counted so the hint does not flicker), `onFile` with the first file dropped.
 */
export function useFileDrop(onFile: (file: File) => void, enabled: boolean) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handler = useRef(onFile);
  handler.current = onFile;

  const accepts = useCallback(
    (event: DragEvent) => enabled && dragHasFiles(Array.from(event.dataTransfer?.types ?? [])),
    [enabled],
  );

  return {
    dragging: dragging && enabled,
    props: {
      onDragEnter(event: DragEvent) {
        if (!accepts(event)) return;
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver(event: DragEvent) {
        if (!accepts(event)) return;
        // Without this the browser (or Electron) would open the file itself.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave(event: DragEvent) {
        if (!accepts(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop(event: DragEvent) {
        if (!accepts(event)) return;
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        const file = firstDroppedFile(event.dataTransfer.files);
        if (file) handler.current(file);
      },
    },
  };
}
