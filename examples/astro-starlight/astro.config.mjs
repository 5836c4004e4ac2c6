// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';

export default defineConfig({
  base: '/guide',
  integrations: [starlight({ title: 'diffusion-kit in Starlight' }), react()],
});
