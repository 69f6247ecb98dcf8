/** Who is calling: the opaque user id and the signed-in device (auth session). */
export interface Principal {
  userId: string;
  sessionId: string;
}
