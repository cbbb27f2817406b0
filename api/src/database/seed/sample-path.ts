import { existsSync } from 'node:fs';
import { join } from 'node:path';

const RELATIVE = 'src/database/seed/collection-sample.json';

/**
 * The copy of the museum's sample collection (shared/data) that the demo imports. The API
 * runs from api/ (npm -w, Docker's WORKDIR); from the repository root, api/ is looked in too.
 */
export const DEMO_SAMPLE_PATH = [join(process.cwd(), RELATIVE), join(process.cwd(), 'api', RELATIVE)].find(existsSync) ?? join(process.cwd(), RELATIVE);
