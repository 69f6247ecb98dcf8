import { currentAccessToken, refreshSession } from '../api/client';

/**
 * Booth documents are for event members only, so a plain link (which carries no bearer token)
 * cannot fetch them: the file is fetched with the token and handed to the browser as a download.
 */
export async function downloadWithToken(path: string, fileName: string): Promise<void> {
  const get = (token: string | null) =>
    fetch(path, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
  let response = await get(currentAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    response = await get(session?.accessToken ?? null);
  }
  if (!response.ok) throw new Error(`Download failed with ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
