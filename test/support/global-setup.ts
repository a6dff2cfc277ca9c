// Dates in tests are read as UTC whatever the machine's zone.
export default function globalSetup(): void {
  process.env.TZ = 'UTC';
}
