/** Placeholder while the handler is being written (issue 3); replaced before the issue closes. */
export async function handler(_event: unknown): Promise<never> {
  throw new Error("not implemented yet");
}
