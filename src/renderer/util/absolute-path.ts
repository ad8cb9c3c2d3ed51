/**
 * Whether a folder typed into 设置 is a full path on any of the desktops the app runs on:
 * POSIX (`/Users/zhang/卷宗`), a Windows drive (`D:\卷宗`, `D:/卷宗`) or a UNC share
 * (`\\server\share`). Core checks it again; this catches a relative path before saving.
 */
export function isAbsolutePath(value: string): boolean {
  const path = value.trim();
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path);
}
