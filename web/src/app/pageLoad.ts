/**
 * A full page load, for the moments when nothing of the page before may survive in memory
 * (signing out on a shared classroom tablet). An object, so tests can replace `load`.
 */
export const pageLoad = {
  load(path: string): void {
    window.location.assign(path);
  },
};
