// Preloaded (`node --import`) into the processes `npm run build` starts (scripts/build.ts):
// when the build that started the process has gone (killed with SIGKILL, or stopped before it
// could stop this process), the process stops as if the build had sent it SIGTERM.
import { whenStartersEnd } from '../../src/lib/processes.ts';

whenStartersEnd(() => process.kill(process.pid, 'SIGTERM'));
