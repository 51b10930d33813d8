/** Where to go after signing in: only paths inside the app, never another origin. */
export function safeReturn(volta: string | undefined): string {
  return volta && volta.startsWith('/') && !volta.startsWith('//') ? volta : '/';
}
