/**
 * Downloads made by a browser view of the host (the Electron 门户网站 window): the host's browser
 * engine fetches the bytes, core decides where they go (the staging area), shows them in
 * 卷宗库 ▸ 下载任务 and, once whole, imports the archive as 导入卷宗 would.
 */

/** What the host can do to a download it is running (下载任务's 暂停 / 继续 / 取消). */
export interface BrowserDownloadControls {
  pause(): void;
  resume(): void;
  cancel(): void;
}

/** One download, as the host reports it to core. */
export interface BrowserDownloadHandle {
  /** Absolute path the host must save the file to (a fresh folder in the staging area). */
  readonly savePath: string;
  /** Bytes received so far and the total (0 when the server did not say). */
  progress(received: number, total: number, paused: boolean): void;
  /** Every byte is at savePath: core verifies and imports it. */
  completed(): void;
  /** The browser gave up (network, server, disk); the reason is shown in 下载任务. */
  interrupted(reason: string): void;
  /** The download was cancelled (by the lawyer, or the window closed). */
  cancelled(): void;
}

export interface BrowserDownloads {
  /**
   * Called synchronously from the host's `will-download`: answers where to save, so the host never
   * shows a save dialog. `fileName` is the name the server gave (Content-Disposition), `url` where it
   * came from (shown, never fetched by core).
   */
  begin(input: { fileName: string; url: string; total: number; controls: BrowserDownloadControls }): BrowserDownloadHandle;
}
