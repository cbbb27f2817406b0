// A shared HTTP cache in front of the API for the cached rows: Debian's nginx, started by the
// bench with its own configuration in a temporary folder (prefix, pid, logs, temp paths and the
// cache itself all there), listening on the loopback only, caching what the API's
// Cache-Control allows (nginx's default: max-age, private and no-store are honoured; POST is
// never cached). The bench installs nothing: without nginx the cached rows are skipped.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

/** Why nginx cannot be used here, or null when it can. */
export function nginxMissing() {
  try {
    accessSync(NGINX, constants.X_OK);
    return null;
  } catch {
    return `no nginx at ${NGINX} (apt-get install nginx-light)`;
  }
}

function config(dir, listenPort, upstreamPort) {
  return `# Written by api/bench/nginx.mjs for one benchmark run; removed afterwards.
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=public_reads:10m max_size=100m inactive=10m use_temp_path=off;
  upstream api {
    server 127.0.0.1:${upstreamPort};
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_cache public_reads;
      # One request goes to the API for a missing or expired entry; the others wait for it, or
      # get the stale copy while it is fetched again (the API's stale-while-revalidate).
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on;
      proxy_cache_revalidate on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

/**
 * Starts nginx on `listenPort` in front of the API on `upstreamPort`; resolves with
 * `{ stop() }` once it answers. `track` receives the child process, so that the bench's exit
 * handler can kill it however the bench ends.
 */
export async function startNginx({ listenPort, upstreamPort, track }) {
  const dir = mkdtempSync(join(tmpdir(), 'lmr-bench-nginx-'));
  // nginx's workers run as an unprivileged user when started as root: they must reach the folder.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'nginx.conf'), config(dir, listenPort, upstreamPort));
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  track(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8').slice(-1000);
    } catch {
      return '';
    }
  };
  let ready = false;
  for (let i = 0; i < 50 && !ready; i++) {
    if (child.exitCode !== null) {
      const why = `${stderr}${errorLog()}`.trim();
      cleanUp();
      throw new Error(`nginx exited with ${child.exitCode}: ${why}`);
    }
    try {
      await fetch(`http://127.0.0.1:${listenPort}/health/live`);
      ready = true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!ready) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw new Error(`nginx did not answer on 127.0.0.1:${listenPort} within 5 s`);
  }
  return {
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      cleanUp();
    },
  };
}
