/**
 * Prints a document through a hidden frame of the app's own origin: the system's (Electron) or the
 * browser's (web host) print dialog shows only the printed sheets, not the viewer around them.
 * The frame is about:blank written from here (no navigation, so frame-src 'none' allows it) and
 * inherits the app's CSP: its images are blob: URLs (img-src blob:), its style inline, no script.
 */

/** The frame of the last print and the object URLs its images show; let go once printed. */
let lastFrame: { frame: HTMLIFrameElement; urls: readonly string[] } | null = null;

/** Removes the last print's frame and frees its images' memory. */
export function releasePrintFrame(): void {
  if (!lastFrame) return;
  lastFrame.frame.remove();
  lastFrame.urls.forEach((url) => URL.revokeObjectURL(url));
  lastFrame = null;
}

/**
 * Writes `html` into a new hidden frame, waits until its images are decoded, then opens the print
 * dialog for it. The frame and `urls` are released after printing (afterprint), or at the latest
 * when the next print starts or the viewer closes.
 */
export async function printInFrame(html: string, urls: readonly string[]): Promise<void> {
  releasePrintFrame();
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.testid = 'print-frame';
  // Laid out (printing needs a layout) but not seen.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  document.body.append(frame);
  const current = { frame, urls };
  lastFrame = current;

  const frameDocument = frame.contentDocument;
  const frameWindow = frame.contentWindow;
  if (!frameDocument || !frameWindow) {
    releasePrintFrame();
    throw new Error('the print frame did not open');
  }
  frameDocument.open();
  frameDocument.write(html);
  frameDocument.close();
  await Promise.all(Array.from(frameDocument.images, (image) => image.decode()));
  if (lastFrame !== current) return;

  frameWindow.addEventListener('afterprint', () => {
    // A print already released by a newer one is left alone.
    if (lastFrame === current) setTimeout(releasePrintFrame, 0);
  });
  // No focus() into the frame: the viewer keeps the keyboard once the dialog closes.
  frameWindow.print();
}
