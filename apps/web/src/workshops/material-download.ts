import { ApiError, currentAccessToken } from '../api/client';

/** Fetches a shared file with the bearer token (a plain link would not carry it). */
export async function fetchMaterial(url: string): Promise<Blob> {
  const token = currentAccessToken();
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    throw new ApiError(
      response.status,
      'UNEXPECTED_RESPONSE',
      `Download failed (${response.status})`,
    );
  }
  return response.blob();
}
