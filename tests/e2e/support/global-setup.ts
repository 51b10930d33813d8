import { startOidcIssuer } from './oidc-issuer';

/** Starts the stand-in Google issuer the live run was pointed at (MARQUEE_E2E_OIDC_PORT), for the whole run. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.MARQUEE_E2E_OIDC_PORT);
  if (!port) throw new Error('MARQUEE_E2E_OIDC_PORT is not set: the live run needs a Google issuer to trust (scripts/live-run.sh)');
  const server = await startOidcIssuer(port);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
