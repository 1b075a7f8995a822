import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  transpilePackages: ['@ccgov/api', '@ccgov/auth', '@ccgov/db', '@ccgov/report'],
  serverExternalPackages: ['better-sqlite3'],
  // Parallel work (and tests) may build into their own folder; the server reads the same variable.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
