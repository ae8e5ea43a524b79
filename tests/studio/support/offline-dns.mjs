// Preloaded (NODE_OPTIONS=--import) into the Sanity CLI by the validation tests.
// Offline, the Content Lake's host names have no address. On this machine the
// resolver drops bursts of queries, so the ~80 failing requests of one
// `sanity documents validate` run queue behind 5 s retries and every document
// hits the CLI's 30 s limit. Answering "not found" at once gives the same
// "fetch failed" that a machine without network sees, without the wait.
import dns from 'node:dns';

const offlineHost = /(^|\.)(api|apicdn)\.sanity\.io$/;
const originalLookup = dns.lookup;

function notFound(hostname) {
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  error.errno = -3008;
  error.syscall = 'getaddrinfo';
  error.hostname = hostname;
  return error;
}

dns.lookup = function lookup(hostname, options, callback) {
  if (typeof hostname === 'string' && offlineHost.test(hostname)) {
    const done = typeof options === 'function' ? options : callback;
    process.nextTick(() => done(notFound(hostname)));
    return {};
  }
  return originalLookup.call(this, hostname, options, callback);
};
