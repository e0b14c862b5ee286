// Hand-written CORS for the v1 endpoints, kept from before the cors package.
'use strict';

const TRUSTED = /^https:\/\/(shop|admin)\.example\.com$/;

module.exports = function legacyCors(req, res, next) {
  const origin = req.headers.origin;
  if (origin) {
    // Echo the caller so the mobile web view works from any host.
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.statusCode = 204;
    return res.end();
  }
  res.locals.trustedCaller = Boolean(origin && TRUSTED.test(origin));
  return next();
};
