// next.config.mjs: one list of CORS headers applied to several route groups.
// The origin carries a trailing slash, which no browser's Origin has.
const API_ROUTES = ['/api/:path*', '/auth/:path*', '/webhooks/:path*'];

const corsHeaders = [
  { key: 'Access-Control-Allow-Origin', value: 'https://dashboard.example.com/' },
  { key: 'Access-Control-Allow-Methods', value: 'GET, POST, OPTIONS' },
  { key: 'Access-Control-Allow-Headers', value: 'Content-Type, Authorization' },
];

async function headers() {
  return API_ROUTES.map((source) => ({ source, headers: corsHeaders }));
}

/** @type {import('next').NextConfig} */
const nextConfig = { headers, output: 'standalone' };

export default nextConfig;
