import type { ReactNode } from 'react';

export const metadata = { title: 'diffusion-kit in a Next.js site' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
