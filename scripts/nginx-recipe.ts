import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** deploy/nginx.conf: the reverse-proxy recipe that the nginx test and the bench run as it is written. */
export const NGINX_RECIPE = path.resolve(import.meta.dirname, '..', 'deploy', 'nginx.conf');

export interface NginxRun {
  /** Folder for everything nginx writes (its -p prefix): cache, temp files, pid, error log. */
  prefix: string;
  /** Loopback port it listens on. */
  port: number;
  /** The instances, as host:port. */
  upstreams: string[];
  /** Extra locations for the server block (the bench's static copy). */
  extraLocations?: string;
}

/**
 * The recipe with a test's values in place of a machine's: its own port, instances,
 * folders and user, in the foreground. Each replaced line must be in the recipe as
 * written, so a change to the recipe that the test no longer covers fails it.
 */
export function nginxConfig(run: NginxRun, recipe = fs.readFileSync(NGINX_RECIPE, 'utf8')): string {
  const replace = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx.conf no longer has ${pattern}`);
    return text.replace(pattern, by);
  };
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};` : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${path.join(run.prefix, `${kind}-temp`)};`)
    .join('\n');
  let conf = recipe;
  conf = replace(conf, /^user www-data;$/mu, `daemon off;\n${user}`);
  conf = replace(conf, /^pid \S+;$/mu, `pid ${path.join(run.prefix, 'nginx.pid')};`);
  conf = replace(conf, /^error_log \S+ warn;$/mu, `error_log ${path.join(run.prefix, 'error.log')} warn;`);
  conf = replace(conf, /\/var\/cache\/nginx\/newsroom/u, path.join(run.prefix, 'cache'));
  conf = replace(conf, /^http \{$/mu, `http {\n${temp}`);
  conf = replace(
    conf,
    /(upstream newsroom \{\n)(?: {8}server \S+ [^\n]*\n)+/u,
    `$1${run.upstreams.map((upstream) => `        server ${upstream} max_fails=1 fail_timeout=5s;\n`).join('')}`,
  );
  conf = replace(conf, /^ {8}listen 80;$/mu, `        listen 127.0.0.1:${run.port};`);
  if (run.extraLocations) conf = replace(conf, /\n {4}\}\n\}\s*$/u, `\n${run.extraLocations}\n    }\n}\n`);
  return conf;
}

/** Writes the configuration into the prefix folder and returns the arguments that start nginx with it. */
export function nginxArgs(run: NginxRun): string[] {
  fs.mkdirSync(run.prefix, { recursive: true });
  const file = path.join(run.prefix, 'nginx.conf');
  fs.writeFileSync(file, nginxConfig(run));
  return ['-p', run.prefix, '-c', file];
}

/** Debian's nginx, where `.ci/run` installs it, unless `NGINX_BINARY` names another. */
export const NGINX_BINARY =
  process.env.NGINX_BINARY || (['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file)) ?? 'nginx');
