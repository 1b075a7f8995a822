import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  transpilePackages: ['@ccgov/api', '@ccgov/auth', '@ccgov/db', '@ccgov/documents', '@ccgov/excel', '@ccgov/importer', '@ccgov/report'],
  // pdfkit reads its font metrics from files beside its own code, so it must not be bundled.
  // exceljs is a large CommonJS library with Node streams: loaded from node_modules, not bundled.
  // mammoth (Word reading for the import) is CommonJS with Node buffers and zip reading: not bundled either.
  serverExternalPackages: ['better-sqlite3', 'pdfkit', 'exceljs', 'mammoth'],
  // Parallel work (and tests) may build into their own folder; the server reads the same variable.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
