/** `/health` as a scenario reads it: the status code and the names of the checks that are not up. */
export async function healthOf(url: string): Promise<{ status: number; down: string[] }> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { checks: Record<string, string> };
    return {
      status: res.status,
      down: Object.entries(body.checks)
        .filter(([, state]) => state !== 'up')
        .map(([name]) => name),
    };
  } catch (error) {
    return { status: 0, down: [(error as Error).message] };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
