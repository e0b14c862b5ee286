// next.config.js of a site whose API is called from the shop front end with
// cookies. The headers were added later, below the config object, and the
// config is exported as a copy: the one front-end origin may read with cookies.
const securityHeaders = [{ key: 'X-Content-Type-Options', value: 'nosniff' }];

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

nextConfig.headers = async () => [
  { source: '/:path*', headers: securityHeaders },
  {
    source: '/api/:path*',
    headers: [
      { key: 'Access-Control-Allow-Origin', value: 'https://shop.example.com' },
      { key: 'Access-Control-Allow-Credentials', value: 'true' },
      { key: 'Access-Control-Allow-Methods', value: 'GET,POST,PUT,DELETE' },
    ],
  },
];

module.exports = { ...nextConfig };
