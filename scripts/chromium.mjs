/**
 * How every test, benchmark and story runner in the repository starts Chromium: the system's
 * (Debian's /usr/bin/chromium, or CHROMIUM_PATH), never a downloaded one, headless in a container.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};
