// @ts-check
// The classic template's config, stripped: docs only (no blog, no pages, no i18n), served under /docs/.

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'diffusion-kit in Docusaurus',
  favicon: 'img/favicon.ico',

  future: {
    v4: true, // Improve compatibility with the upcoming Docusaurus v4
  },

  url: 'https://example.github.io',
  baseUrl: '/docs/',

  onBrokenLinks: 'throw',

  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: { routeBasePath: '/' }, // docs at the site root: /docs/figures, not /docs/docs/figures
        blog: false,
      }),
    ],
  ],

  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      navbar: { title: 'diffusion-kit in Docusaurus' },
    }),
};

export default config;
