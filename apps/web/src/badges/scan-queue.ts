/** A scan made while offline: sent with the time it was made once the network returns. */
export interface QueuedScan {
  token: string;
  scannedAt: string;
}

const keyOf = (editionId: string) => `badge-scans:${editionId}`;

/** The scans of an edition waiting in this browser (localStorage survives a reload). */
export function queuedScans(editionId: string): QueuedScan[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(editionId)) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter(
          (scan): scan is QueuedScan =>
            typeof scan === 'object' &&
            scan !== null &&
            typeof (scan as QueuedScan).token === 'string' &&
            typeof (scan as QueuedScan).scannedAt === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function saveQueue(editionId: string, scans: QueuedScan[]): void {
  if (scans.length === 0) localStorage.removeItem(keyOf(editionId));
  else localStorage.setItem(keyOf(editionId), JSON.stringify(scans));
}
