import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  transpilePackages: ['@ccgov/api', '@ccgov/auth', '@ccgov/db', '@ccgov/report'],
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
